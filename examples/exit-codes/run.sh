#!/usr/bin/env bash
# Each exit code you meet with `docker run`, produced by a real command and checked.
# 125: docker itself failed; 126: the command cannot be run; 127: the command was not found;
# 137 = 128 + 9 (SIGKILL); 143 = 128 + 15 (SIGTERM). Only busybox:1.36; removed on exit.
set -uo pipefail

prefix=${FG_PREFIX:-fg-exit-}
killed=${prefix}killed
termed=${prefix}termed

cleanup() { docker container rm --force "$killed" "$termed" >/dev/null 2>&1 || true; }
trap cleanup EXIT

failed=0
report() {  # expected code, description, code seen
  local want=$1 what=$2 got=$3
  printf '%-4s %-44s %s\n' "$got" "$what" "$([ "$got" = "$want" ] && echo ok || echo "FAIL (expected $want)")"
  [ "$got" = "$want" ] || failed=1
}
expect() {  # expected code, description, command…: the exit status of the command
  local want=$1 what=$2; shift 2
  "$@" >/dev/null 2>&1
  report "$want" "$what" "$?"
}

expect 0   "the command succeeded"                docker run --rm busybox:1.36 true
expect 1   "the command failed"                   docker run --rm busybox:1.36 false
expect 125 "docker run itself failed (bad flag)"  docker run --rm --no-such-flag busybox:1.36 true
expect 126 "the command cannot be run"            docker run --rm busybox:1.36 /etc/passwd
expect 127 "the command was not found"            docker run --rm busybox:1.36 no-such-command

# 137: killed with SIGKILL (docker container kill, the end of a stop's grace period, the OOM killer).
docker run -d --name "$killed" busybox:1.36 sleep 600 >/dev/null
docker container kill "$killed" >/dev/null
report 137 "killed by SIGKILL (docker container kill)" "$(docker container wait "$killed")"

# 143: ended by SIGTERM; docker-init (--init) passes the stop signal on and reports it.
docker run -d --init --name "$termed" busybox:1.36 sleep 600 >/dev/null
docker container stop "$termed" >/dev/null
report 143 "ended by SIGTERM (stop, with --init)" "$(docker container wait "$termed")"

# (docker container wait prints a container's exit code; it exits 0 itself.)
exit "$failed"

#!/usr/bin/env bash
# The same `sleep` stopped three ways with `docker container stop` (SIGTERM, then SIGKILL after the
# grace period): as PID 1 it ignores SIGTERM; under --init it gets it from docker-init; in a shell
# that traps SIGTERM it exits at once. Stop times are printed, exit codes are what is checked.
set -euo pipefail

prefix=${FG_PREFIX:-fg-pid1-}
plain=${prefix}plain
init=${prefix}init
trap_=${prefix}trap

cleanup() { docker container rm --force "$plain" "$init" "$trap_" >/dev/null 2>&1 || true; }
trap cleanup EXIT

# 1. sleep is PID 1 and has no handler: the kernel does not deliver SIGTERM to it.
docker run -d --name "$plain" busybox:1.36 sleep 600 >/dev/null
# 2. --init makes docker-init PID 1; it passes SIGTERM on to sleep, whose default action ends it.
docker run -d --init --name "$init" busybox:1.36 sleep 600 >/dev/null
# 3. a shell as PID 1 that handles SIGTERM: exec form, `wait` so the trap runs at once.
docker run -d --name "$trap_" busybox:1.36 \
  sh -c 'trap "echo got SIGTERM; exit 0" TERM; sleep 600 & wait' >/dev/null

stop() {  # name: prints the stop time and the exit code
  local start end
  start=$(date +%s%N)
  docker container stop "$1" >/dev/null       # default grace period: 10 s
  end=$(date +%s%N)
  printf '%-8s stopped in %5.1f s, exit code %s\n' "${1#"$prefix"}" "$(( (end - start) / 1000000 ))e-3" \
    "$(docker container inspect --format '{{.State.ExitCode}}' "$1")"
}
echo "docker container stop, all three at the same time:"
tmp=$(mktemp -d)
trap 'cleanup; rm -rf "$tmp"' EXIT
stop "$plain" >"$tmp/1" & stop "$init" >"$tmp/2" & stop "$trap_" >"$tmp/3" &
wait
cat "$tmp/1" "$tmp/2" "$tmp/3"
for pair in "$plain:137" "$init:143" "$trap_:0"; do   # 137 = 128 + 9 (SIGKILL), 143 = 128 + 15 (SIGTERM)
  code=$(docker container inspect --format '{{.State.ExitCode}}' "${pair%:*}")
  [ "$code" = "${pair##*:}" ] || { echo "FAIL: ${pair%:*} exited with $code, expected ${pair##*:}" >&2; exit 1; }
done
docker container logs "$trap_"
echo "OK: 137 without a handler, 143 with --init, 0 with a trap"

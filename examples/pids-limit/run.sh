#!/usr/bin/env bash
# A process limit: a shell that starts 40 background processes succeeds without a limit and
# cannot fork past --pids-limit 20. Each step checks what it shows.
set -euo pipefail

prefix=${FG_PREFIX:-fg-pids-}   # every container name starts with it

cleanup() {
  docker container rm --force "${prefix}free" "${prefix}limited" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# Starts 40 short sleeps side by side, then waits for them all.
forks='for i in $(seq 40); do sleep 2 & done; wait; echo "started 40 processes"'

echo "== 1. without a limit all 40 processes start"
docker run --rm --name "${prefix}free" busybox:1.36 sh -c "$forks"

echo "== 2. with --pids-limit 20 the shell cannot fork past the limit"
if docker run --rm --name "${prefix}limited" --pids-limit 20 busybox:1.36 sh -c "$forks"; then
  echo "FAIL: 40 processes started under --pids-limit 20" >&2
  exit 1
fi
echo "the shell failed to fork, as expected"

#!/usr/bin/env bash
# A memory limit: a process that needs about 100 MB runs to the end without a limit, and is
# killed by the kernel's OOM killer under --memory 32m. Each step checks what it shows.
set -euo pipefail

prefix=${FG_PREFIX:-fg-memory-}   # every container name starts with it

cleanup() {
  docker container rm --force "${prefix}free" "${prefix}limited" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# tail keeps the last line it has read in memory; /dev/zero has no line breaks, so
# tail holds all 100 MB that head passes on.
hog='head -c 100000000 /dev/zero | tail > /dev/null && echo "done: 100 MB held in memory"'

echo "== 1. without a limit the process gets the 100 MB it asks for"
docker run --rm --name "${prefix}free" busybox:1.36 sh -c "$hog"

echo "== 2. with --memory 32m (and no swap on top: --memory-swap 32m) the kernel kills it"
status=0
docker run --name "${prefix}limited" --memory 32m --memory-swap 32m busybox:1.36 sh -c "$hog" || status=$?
echo "exit status: $status"
[ "$status" -eq 137 ]
# The engine can record the OOM kill a moment after the exit it caused (seen on cgroup v1), so
# OOMKilled is read again for up to 30 s before it counts as false.
for _ in $(seq 30); do
  [ "$(docker container inspect --format '{{.State.OOMKilled}}' "${prefix}limited")" = true ] && break
  sleep 1
done
docker container inspect --format 'OOMKilled={{.State.OOMKilled}} Memory={{.HostConfig.Memory}}' "${prefix}limited"
[ "$(docker container inspect --format '{{.State.OOMKilled}}' "${prefix}limited")" = true ]

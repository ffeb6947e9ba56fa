#!/usr/bin/env bash
# A read-only root file system: the container cannot change its own files, and a tmpfs
# takes the writes that must happen (here /tmp). Each step checks what it shows.
set -euo pipefail

prefix=${FG_PREFIX:-fg-read-only-}   # every container name starts with it

cleanup() {
  docker container rm --force "${prefix}default" "${prefix}read-only" "${prefix}tmpfs" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== 1. by default the container can write anywhere in its own file system"
docker run --rm --name "${prefix}default" busybox:1.36 \
  sh -c 'echo changed > /etc/motd && echo "wrote /etc/motd"'

echo "== 2. with --read-only the same write fails"
if docker run --rm --name "${prefix}read-only" --read-only busybox:1.36 \
     sh -c 'echo changed > /etc/motd'; then
  echo "FAIL: the write to / succeeded under --read-only" >&2
  exit 1
fi

echo "== 3. --tmpfs gives the container one writable folder in memory; / stays read-only"
docker run --rm --name "${prefix}tmpfs" --read-only --tmpfs /tmp:size=16m busybox:1.36 sh -c '
  echo scratch > /tmp/work.txt && echo "wrote /tmp/work.txt"
  grep " /tmp " /proc/mounts
  if echo changed > /etc/motd; then exit 1; fi
  echo "/ is still read-only"'

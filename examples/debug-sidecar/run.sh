#!/usr/bin/env bash
# A container with no shell and no tools, inspected from a debug container that joins its PID and
# network namespaces. Builds one small image (Dockerfile) from busybox:1.36; removes everything on exit.
set -euo pipefail
cd "$(dirname "$0")"

prefix=${FG_PREFIX:-fg-debug-}
image=${prefix}web:1
web=${prefix}web

cleanup() {
  docker container rm --force "$web" >/dev/null 2>&1 || true
  docker image rm "$image" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== 1. an image with one program and one page: no shell, no ps, no ls"
docker build -q -t "$image" . >/dev/null
docker run -d --name "$web" "$image" >/dev/null

echo "== 2. docker exec needs a program inside the container"
if docker exec "$web" sh -c true 2>&1; then echo "FAIL: the container has a shell" >&2; exit 1; fi

echo "== 3. a debug container in the same PID and network namespaces"
# The web server runs as UID 10001: reading another user's /proc/<pid>/root needs CAP_SYS_PTRACE.
out=$(docker run --rm --pid "container:$web" --network "container:$web" --cap-add SYS_PTRACE busybox:1.36 sh -c '
  echo "-- PID 1 of the namespace, the web server:"; ps -o pid,user,args | head -n 2
  echo "-- listening sockets:"; netstat -ltn | grep LISTEN
  echo "-- its page over its own loopback:"; wget -q -O - http://127.0.0.1:8080/
  echo "-- its files, through /proc/1/root:"; ls /proc/1/root/www')
echo "$out"

grep -q '/httpd -f -p 8080' <<<"$out" && grep -q ':8080 ' <<<"$out" &&
  grep -q 'hello from a shell-less container' <<<"$out" && grep -qx 'index.html' <<<"$out" ||
  { echo "FAIL: the debug container did not see the web server's process, socket, page and files" >&2; exit 1; }
echo "OK: seen from the debug container: the process, its socket, its page and its files"

#!/usr/bin/env bash
# Serves files/hello.sh from a small web server on 127.0.0.1, then builds the Dockerfile twice:
# as written (the checksum matches, the build succeeds) and with another checksum in place of the
# right one (BuildKit refuses the download and the build fails).
set -euo pipefail
cd "$(dirname "$0")"

prefix=${FG_PREFIX:-add-checksum-}
server=${prefix}files
image=${prefix}image:1
log=$(mktemp)
trap 'rm -f "$log"; docker container rm --force "$server" >/dev/null 2>&1 || true; docker image rm "$image" >/dev/null 2>&1 || true' EXIT

# A web server on a port Docker chooses, reachable from this host only.
docker container create --name "$server" -p 127.0.0.1::8080 busybox:1.36 httpd -f -p 8080 -h /www >/dev/null
docker container cp files/. "$server:/www"
docker container start "$server" >/dev/null
url=http://$(docker container port "$server" 8080/tcp)
for _ in $(seq 20); do curl -fsS -o /dev/null "$url/hello.sh" && break; sleep 0.5; done
echo "serving $url/hello.sh, sha256 $(sha256sum < files/hello.sh | cut -d' ' -f1)"

echo "1. the checksum in the Dockerfile matches:"
docker build -q --build-arg FILES_URL="$url" -t "$image" . >/dev/null
docker run --rm "$image"

echo "2. another checksum (that of a different file):"
wrong=$(printf 'a different file\n' | sha256sum | cut -d' ' -f1)
if sed "s/--checksum=sha256:[0-9a-f]*/--checksum=sha256:$wrong/" Dockerfile |
    docker build -q --build-arg FILES_URL="$url" -f - . >"$log" 2>&1; then
  echo "the build succeeded with a wrong checksum" >&2; exit 1
fi
cat "$log"
grep -q 'digest mismatch' "$log"

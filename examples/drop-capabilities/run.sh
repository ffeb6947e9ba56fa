#!/usr/bin/env bash
# Capabilities: root in a container holds a short list of them by default. --cap-drop ALL
# takes them all away, --cap-add gives back one. Each step checks what it shows.
set -euo pipefail

prefix=${FG_PREFIX:-fg-caps-}   # every container name starts with it

cleanup() {
  for name in default none chown no-raw; do
    docker container rm --force "${prefix}$name" >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT

echo "== 1. by default root in the container may change a file's owner (CAP_CHOWN) and ping (CAP_NET_RAW)"
docker run --rm --name "${prefix}default" --network none busybox:1.36 \
  sh -c 'grep CapEff /proc/self/status && chown 10001 /etc/hostname && echo "chown worked" && ping -c 1 127.0.0.1'

echo "== 2. after --cap-drop ALL the same chown fails, although the user is still root"
if docker run --rm --name "${prefix}none" --cap-drop ALL busybox:1.36 \
     sh -c 'id -u && grep CapEff /proc/self/status && chown 10001 /etc/hostname'; then
  echo "FAIL: chown worked without CAP_CHOWN" >&2
  exit 1
fi

echo "== 3. --cap-add CHOWN gives back only that one"
docker run --rm --name "${prefix}chown" --cap-drop ALL --cap-add CHOWN busybox:1.36 \
  sh -c 'grep CapEff /proc/self/status && chown 10001 /etc/hostname && echo "chown worked"'

echo "== 4. BusyBox's ping opens a raw socket, which needs CAP_NET_RAW: without it, ping fails"
if docker run --rm --name "${prefix}no-raw" --network none --cap-drop NET_RAW busybox:1.36 \
     ping -c 1 127.0.0.1; then
  echo "FAIL: ping worked without CAP_NET_RAW" >&2
  exit 1
fi
echo "ping failed without CAP_NET_RAW, as expected"

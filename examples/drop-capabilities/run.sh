#!/usr/bin/env bash
# Capabilities: root in a container holds a short list of them by default. --cap-drop ALL
# takes them all away, --cap-add gives back one. Each step checks what it shows.
# chown needs CAP_CHOWN; BusyBox's ping opens a raw socket, which needs CAP_NET_RAW.
set -euo pipefail

prefix=${FG_PREFIX:-fg-caps-}   # every container name starts with it

cleanup() {
  for name in default none chown; do
    docker container rm --force "${prefix}$name" >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT

echo "== 1. by default root in the container may chown (CAP_CHOWN) and ping (CAP_NET_RAW)"
docker run --rm --name "${prefix}default" --network none busybox:1.36 sh -c '
  grep CapEff /proc/self/status
  chown 10001 /etc/hostname && echo "chown worked"
  ping -c 1 127.0.0.1 >/dev/null && echo "ping worked"'

echo "== 2. after --cap-drop ALL both fail, although the user is still root"
docker run --rm --name "${prefix}none" --network none --cap-drop ALL busybox:1.36 sh -c '
  echo "uid $(id -u)"; grep CapEff /proc/self/status
  if chown 10001 /etc/hostname; then echo "FAIL: chown worked"; exit 1; fi
  if ping -c 1 127.0.0.1; then echo "FAIL: ping worked"; exit 1; fi
  echo "chown and ping both failed, as expected"'

echo "== 3. --cap-add CHOWN gives back only that one: chown works, ping still fails"
docker run --rm --name "${prefix}chown" --network none --cap-drop ALL --cap-add CHOWN busybox:1.36 sh -c '
  grep CapEff /proc/self/status
  chown 10001 /etc/hostname && echo "chown worked"
  if ping -c 1 127.0.0.1; then echo "FAIL: ping worked"; exit 1; fi
  echo "ping failed, as expected"'

#!/usr/bin/env bash
# Name resolution: on a user-defined bridge containers find each other by name;
# on the default bridge they only have IP addresses.
set -euo pipefail

prefix=${FG_PREFIX:-fg-bridge-}   # every name starts with it
net=${prefix}net
web=${prefix}web         # on the user-defined network
lonely=${prefix}lonely   # on the default bridge

cleanup() {
  docker container rm --force "$web" "$lonely" "${prefix}client" >/dev/null 2>&1 || true
  docker network rm "$net" >/dev/null 2>&1 || true
}
trap cleanup EXIT

wait_healthy() {
  for _ in $(seq 30); do
    [ "$(docker inspect -f '{{.State.Health.Status}}' "$1")" = healthy ] && return 0
    sleep 1
  done
  echo "$1 did not become healthy" >&2
  return 1
}

health=(--health-cmd 'curl -fsS -o /dev/null http://127.0.0.1/ || exit 1' --health-interval 2s --health-retries 15)

echo "== user-defined bridge: create $net, start $web on it"
docker network create --driver bridge "$net"
docker run -d --name "$web" --network "$net" "${health[@]}" nginx:1.27
wait_healthy "$web"

echo "== a second container on $net reaches $web by name"
docker run --rm --name "${prefix}client" --network "$net" busybox:1.36 ping -c 2 "$web"
docker run --rm --name "${prefix}client" --network "$net" busybox:1.36 wget -q -O - "http://$web/" | grep '<title>'
echo "-- the names come from Docker's embedded DNS server:"
docker run --rm --name "${prefix}client" --network "$net" busybox:1.36 grep nameserver /etc/resolv.conf

echo "== default bridge: start $lonely without --network"
docker run -d --name "$lonely" "${health[@]}" nginx:1.27
wait_healthy "$lonely"
# Addresses are kept per network; the old top-level .NetworkSettings.IPAddress is gone in API 1.52.
ip=$(docker inspect -f '{{.NetworkSettings.Networks.bridge.IPAddress}}' "$lonely")

echo "-- by IP address ($ip) it answers"
docker run --rm --name "${prefix}client" busybox:1.36 ping -c 2 "$ip"

echo "-- by name it is unknown (the default bridge has no embedded DNS server)"
if answer=$(docker run --rm --name "${prefix}client" busybox:1.36 ping -c 2 "$lonely" 2>&1); then
  echo "unexpected: the default bridge resolved a container name" >&2
  exit 1
fi
echo "$answer"
grep -q 'bad address' <<<"$answer"
echo "OK: names resolve on $net only"

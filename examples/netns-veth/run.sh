#!/usr/bin/env bash
# Two Linux network namespaces joined by a veth pair: the plumbing under every Docker container.
# Needs root and iproute2; touches nothing outside the two namespaces it creates.
set -euo pipefail

prefix=${FG_PREFIX:-lab}
ns1=$prefix-ns1
ns2=$prefix-ns2
# A private /24 that exists only on the veth pair, inside the two namespaces.
addr1=10.200.1.1
addr2=10.200.1.2

[[ $EUID -eq 0 ]] || { echo "run.sh: run me as root (ip netns needs it)" >&2; exit 1; }
for ns in "$ns1" "$ns2"; do
  if ip netns list | awk '{print $1}' | grep -qxF -- "$ns"; then
    echo "run.sh: namespace $ns already exists; not touching it (set FG_PREFIX to another prefix)" >&2
    exit 1
  fi
done

# Deleting a namespace also deletes the veth end inside it, and with it the peer.
cleanup() {
  ip netns delete "$ns1" 2>/dev/null || true
  ip netns delete "$ns2" 2>/dev/null || true
}
trap cleanup EXIT

echo "== 1. create two network namespaces"
ip netns add "$ns1"
ip netns add "$ns2"
ip netns list | grep -- "$prefix-ns"

echo "== 2. a new namespace has only a loopback interface, and it is down"
ip -n "$ns1" link show

echo "== 3. bring loopback up"
ip -n "$ns1" link set dev lo up
ip -n "$ns2" link set dev lo up
ip -n "$ns1" -brief link show lo

echo "== 4. create a veth pair: one end in $ns1, its peer in $ns2"
# Created inside the namespaces, so the names cannot clash with the host's interfaces.
ip -n "$ns1" link add veth1 type veth peer name veth2 netns "$ns2"
ip -n "$ns1" -brief link show veth1
ip -n "$ns2" -brief link show veth2

echo "== 5. give each end an address in 10.200.1.0/24 and bring it up"
ip -n "$ns1" addr add "$addr1/24" dev veth1
ip -n "$ns2" addr add "$addr2/24" dev veth2
ip -n "$ns1" link set dev veth1 up
ip -n "$ns2" link set dev veth2 up
ip -n "$ns1" -brief addr show veth1
ip -n "$ns2" -brief addr show veth2

echo "== 6. each namespace has its own routing table: only the /24 on its veth"
ip -n "$ns1" route show

echo "== 7. the host does not see either end"
if ip link show veth1 >/dev/null 2>&1; then
  echo "unexpected: veth1 is visible in the host namespace" >&2
  exit 1
fi
echo "host: no veth1 or veth2 here"

echo "== 8. ping $ns2 from $ns1 across the veth pair"
ip netns exec "$ns1" ping -c 3 -W 2 "$addr2"

echo "OK: $ns1 and $ns2 talk over the veth pair; removing both on exit"

#!/usr/bin/env bash
# Reads back what the engine applied to the running container, then shows that a write to /
# fails while the tmpfs takes one.
set -euo pipefail
cd "$(dirname "$0")"

compose=(docker compose -p "${FG_PROJECT:-hardened-compose}")
id=$("${compose[@]}" ps -q web)
settings=$(docker container inspect --format \
  'User={{.Config.User}} ReadonlyRootfs={{.HostConfig.ReadonlyRootfs}} CapDrop={{.HostConfig.CapDrop}} SecurityOpt={{.HostConfig.SecurityOpt}} Memory={{.HostConfig.Memory}} NanoCpus={{.HostConfig.NanoCpus}} PidsLimit={{.HostConfig.PidsLimit}}' "$id")
echo "$settings"
[ "$settings" = "User=10001:10001 ReadonlyRootfs=true CapDrop=[ALL] SecurityOpt=[no-new-privileges:true] Memory=67108864 NanoCpus=500000000 PidsLimit=100" ]

if "${compose[@]}" exec -T web sh -c 'echo changed > /etc/motd'; then
  echo "FAIL: a write to / succeeded" >&2
  exit 1
fi
"${compose[@]}" exec -T web sh -c 'echo note > /tmp/note.txt && echo "the tmpfs /tmp takes writes"'

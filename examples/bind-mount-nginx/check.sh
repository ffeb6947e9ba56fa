#!/usr/bin/env bash
# A file written on the host is served at once: the container sees the host folder itself.
set -euo pipefail
cd "$(dirname "$0")"

page=site/written-on-host.txt
trap 'rm -f "$page"' EXIT
stamp="written at $(date +%s)"
echo "$stamp" > "$page"
served=$(curl -fsS http://127.0.0.1:8081/written-on-host.txt)
echo "served: $served"
[ "$served" = "$stamp" ]

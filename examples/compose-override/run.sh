#!/usr/bin/env bash
# Starts web twice: with compose.override.yaml merged over compose.yaml (the default), then with
# compose.yaml alone (-f), and prints and checks what the container got each time.
set -euo pipefail
cd "$(dirname "$0")"

project=${FG_PROJECT:-compose-override}
compose=(docker compose -p "$project")
trap '"${compose[@]}" down --timeout 2 >/dev/null 2>&1 || true' EXIT

# The web container's APP_ENV, LOG_LEVEL and DEBUG, and its tmpfs mounts, on one line.
show() {
  "${compose[@]}" exec -T web sh -c '
    env | grep -E "^(APP_ENV|LOG_LEVEL|DEBUG)=" | sort | tr "\n" " "
    echo "tmpfs:" $(grep -oE "^tmpfs /(cache|scratch) " /proc/mounts | cut -d" " -f2 | sort)'
}

echo "== 1. docker compose up: compose.yaml + compose.override.yaml"
"${compose[@]}" --progress quiet up -d --wait
merged=$(show)
echo "$merged"
[ "$merged" = "APP_ENV=development DEBUG=1 LOG_LEVEL=info tmpfs: /cache /scratch" ]

echo "== 2. docker compose -f compose.yaml up: the base alone (web is recreated)"
"${compose[@]}" -f compose.yaml --progress quiet up -d --wait
base=$(show)
echo "$base"
[ "$base" = "APP_ENV=production LOG_LEVEL=info tmpfs: /cache" ]
echo "both as expected"

#!/usr/bin/env bash
# Asks Docker where container port 80 of service web is published.
set -euo pipefail
cd "$(dirname "$0")"
mapping=$(docker compose ${FG_PROJECT:+-p "$FG_PROJECT"} port web 80)
echo "web:80 is published on $mapping"
[ "$mapping" = "127.0.0.1:8080" ]

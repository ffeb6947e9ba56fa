#!/usr/bin/env bash
# app reaches the included cache service by its name, and has the settings it took with extends.
set -euo pipefail
cd "$(dirname "$0")"

compose=(docker compose -p "${FG_PROJECT:-compose-include}")
"${compose[@]}" config --services | sort | tr '\n' ' '; echo
pong=$("${compose[@]}" exec -T app sh -c 'printf "PING\r\n" | nc -w 2 "$CACHE_HOST" 6379')
echo "cache answered: $pong"
grep -q PONG <<<"$pong"
env=$("${compose[@]}" exec -T app sh -c 'echo "TZ=$TZ CACHE_HOST=$CACHE_HOST PID 1: $(cat /proc/1/comm)"')
echo "$env"
[ "$env" = "TZ=UTC CACHE_HOST=cache PID 1: docker-init" ]

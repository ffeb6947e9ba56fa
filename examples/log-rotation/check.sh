#!/usr/bin/env bash
# The logs are capped: docker compose logs no longer has the first lines, only the last ones.
set -euo pipefail
project=${FG_PROJECT:-log-rotation}
# Some Compose versions start each line with a terminal escape (erase line) even in a pipe: drop it.
logs=$(docker compose -p "$project" logs --no-color --no-log-prefix chatty | sed 's/\x1b\[[0-9;]*[A-Za-z]//g; s/\r$//')
count=$(grep -c '^line ' <<<"$logs" || true)
echo "docker compose logs: $count of 2000 lines, the first: $(head -n 1 <<<"$logs")"
if grep -qx 'line 1 of 2000' <<<"$logs"; then echo "line 1 is still there: the logs were not rotated" >&2; exit 1; fi
grep -qx 'line 2000 of 2000' <<<"$logs" || { echo "the last line is missing" >&2; exit 1; }
docker compose -p "$project" ps --format '{{.Name}}' chatty | while read -r name; do
  docker inspect --format '{{.Name}}: {{.HostConfig.LogConfig.Type}} {{.HostConfig.LogConfig.Config}}' "$name"
done

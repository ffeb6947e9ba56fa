#!/usr/bin/env bash
# Only web was started; debug and migrate have profiles that were not enabled.
# Then migrate runs once with `run --rm` and leaves no container behind.
set -euo pipefail
cd "$(dirname "$0")"

compose=(docker compose -p "${FG_PROJECT:-compose-profiles}")
running=$("${compose[@]}" ps --services)
echo "running: $running"
[ "$running" = "web" ]

"${compose[@]}" --profile debug config --services | sort | tr '\n' ' '; echo "(with --profile debug)"

out=$("${compose[@]}" run --rm migrate)
echo "$out"
grep -q 'migration done' <<<"$out"
left=$("${compose[@]}" ps --all --services)
echo "after run --rm: $left"
[ "$left" = "web" ]

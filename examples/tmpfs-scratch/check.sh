#!/usr/bin/env bash
# Writes one file to the tmpfs (/scratch) and one to the writable layer (/tmp),
# restarts the container, and expects only the second to be left.
set -euo pipefail
cd "$(dirname "$0")"

compose=(docker compose -p "${FG_PROJECT:-tmpfs-scratch}")
"${compose[@]}" exec -T worker sh -c \
  'echo in memory > /scratch/note.txt && echo in the writable layer > /tmp/note.txt'
"${compose[@]}" restart worker
scratch=$("${compose[@]}" exec -T worker ls -A /scratch)
tmp=$("${compose[@]}" exec -T worker cat /tmp/note.txt)
echo "after the restart, /scratch holds: ${scratch:-nothing}"
echo "after the restart, /tmp/note.txt says: $tmp"
[ -z "$scratch" ] && [ "$tmp" = "in the writable layer" ]

#!/usr/bin/env bash
# Starts the site, runs `docker compose watch` in the background, changes a page on the host, and
# checks that the running container serves the new page without being recreated or restarted.
set -euo pipefail
cd "$(dirname "$0")"

project=${FG_PROJECT:-compose-watch}
# Work on a copy, so that the example's own files stay as they are.
work=$(mktemp -d)
cp -r compose.yaml Dockerfile httpd.conf site "$work/"
cd "$work"
compose=(docker compose -p "$project")
watch_pid=
cleanup() {
  if [ -n "$watch_pid" ]; then kill "$watch_pid" 2>/dev/null || true; wait "$watch_pid" 2>/dev/null || true; fi
  "${compose[@]}" down --rmi local --timeout 2 >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

page() { "${compose[@]}" exec -T web wget -qO- http://127.0.0.1:8080/; }
# The container's ID and the time it was started.
state() { docker inspect --format '{{.Id}} started {{.State.StartedAt}}' "$project-web-1"; }

echo "== 1. build and start"
"${compose[@]}" --progress quiet up -d --wait --build
page
before=$(state)

echo "== 2. docker compose watch, in the background (stopped after 120 s at the latest)"
timeout 120 "${compose[@]}" watch --no-up >watch.log 2>&1 &
watch_pid=$!
for _ in $(seq 30); do grep -qi 'watch enabled' watch.log && break; sleep 1; done
grep -i 'watch enabled' watch.log

echo "== 3. change the page on the host"
echo '<h1>Version 2</h1>' > site/index.html
for _ in $(seq 30); do
  now=$(page)
  grep -q 'Version 2' <<<"$now" && break
  sleep 1
done
echo "$now"
after=$(state)

echo "== 4. the same container, started once"
echo "before: $before"
echo "after:  $after"
grep -q 'Version 2' <<<"$now"
[ "$before" = "$after" ]
echo "watch said:"
grep -i 'sync' watch.log || true

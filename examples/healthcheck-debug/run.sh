#!/usr/bin/env bash
# A web server whose health check asks the wrong port: the container runs, but turns unhealthy.
# The engine keeps the last checks' exit codes and output in .State.Health.Log; that is where the
# cause shows. Only busybox:1.36; everything made here is removed on exit.
set -euo pipefail

prefix=${FG_PREFIX:-fg-health-}
web=${prefix}web

cleanup() { docker container rm --force "$web" >/dev/null 2>&1 || true; }
trap cleanup EXIT

echo "== 1. httpd listens on 8080; the health check asks port 80"
docker run -d --name "$web" \
  --health-cmd 'wget -q -O /dev/null http://127.0.0.1/' \
  --health-interval 1s --health-timeout 2s --health-retries 3 \
  busybox:1.36 sh -c 'mkdir -p /www && echo hello > /www/index.html && exec httpd -f -p 8080 -h /www' >/dev/null

for _ in $(seq 60); do
  [ "$(docker container inspect --format '{{.State.Health.Status}}' "$web")" = unhealthy ] && break
  sleep 1
done

echo "== 2. the state: running, but unhealthy"
docker container inspect --format 'status={{.State.Status}} health={{.State.Health.Status}} failing-streak={{.State.Health.FailingStreak}}' "$web"

echo "== 3. the last check in the health log: its exit code and output"
# .State.Health.Log keeps the last five checks; the newest is last.
last=$(docker container inspect --format '{{range .State.Health.Log}}exit={{.ExitCode}} output={{.Output}}{{"\n"}}{{end}}' "$web" |
  grep . | tail -n 1)
echo "$last"

echo "== 4. the same command by hand, on the port httpd listens on"
docker exec "$web" wget -q -O - http://127.0.0.1:8080/

health=$(docker container inspect --format '{{.State.Status}} {{.State.Health.Status}}' "$web")
[ "$health" = "running unhealthy" ] || { echo "FAIL: expected running unhealthy, got $health" >&2; exit 1; }
grep -q 'exit=1 ' <<<"$last" && grep -qi 'refused' <<<"$last" ||
  { echo "FAIL: the health log does not show the refused connection: $last" >&2; exit 1; }
echo "OK: running but unhealthy; the health log names the cause (connection refused on port 80)"

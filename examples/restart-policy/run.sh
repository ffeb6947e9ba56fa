#!/usr/bin/env bash
# A container that always fails, started with --restart on-failure:3: the engine starts it again
# three times, then leaves it exited. A second one with --restart unless-stopped is stopped by hand
# and stays stopped. Only busybox:1.36; everything made here is removed on exit.
set -euo pipefail

prefix=${FG_PREFIX:-fg-restart-}
crash=${prefix}crash
steady=${prefix}steady
retries=3

cleanup() { docker container rm --force "$crash" "$steady" >/dev/null 2>&1 || true; }
trap cleanup EXIT

echo "== 1. a command that fails after one line of output, with --restart on-failure:$retries"
docker run -d --name "$crash" --restart "on-failure:$retries" busybox:1.36 \
  sh -c 'echo "starting"; exit 3' >/dev/null

# The engine waits 100 ms before the first restart and doubles the wait each time.
for _ in $(seq 60); do
  [ "$(docker container inspect --format '{{.State.Status}} {{.RestartCount}}' "$crash")" = "exited 3" ] && break
  sleep 0.5
done

echo "== 2. what the engine recorded"
docker container inspect --format \
  'status={{.State.Status}} restarts={{.RestartCount}} exit={{.State.ExitCode}} policy={{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}}' "$crash"
echo "-- its log: one line per start (1 + 3 restarts)"
docker container logs "$crash"

restarts=$(docker container inspect --format '{{.RestartCount}}' "$crash")
status=$(docker container inspect --format '{{.State.Status}}' "$crash")
code=$(docker container inspect --format '{{.State.ExitCode}}' "$crash")
starts=$(docker container logs "$crash" | grep -c starting)
[ "$restarts" = 3 ] && [ "$status" = exited ] && [ "$code" = 3 ] && [ "$starts" = 4 ] || {
  echo "FAIL: expected 3 restarts, exited with code 3 and 4 starts; got $restarts, $status, $code, $starts" >&2
  exit 1
}
echo "OK: restarted 3 times, then left exited with code 3"

echo "== 3. --restart unless-stopped: a container you stop by hand is not restarted"
docker run -d --name "$steady" --restart unless-stopped busybox:1.36 sleep 600 >/dev/null
docker container stop -t 0 "$steady" >/dev/null
sleep 1
after=$(docker container inspect --format 'status={{.State.Status}} restarts={{.RestartCount}}' "$steady")
echo "$after"
[ "$after" = "status=exited restarts=0" ] || { echo "FAIL: a stopped unless-stopped container was restarted" >&2; exit 1; }
echo "OK: docker container stop wins over the restart policy"

#!/usr/bin/env bash
# Rolls web from fieldguide/rollout:1.0 to 2.0 while poll.py, inside the client task, asks every
# task without pause. Fails if a single request fails, if fewer tasks than replicas answer in any
# round, or if v2 is not all that answers at the end.
set -euo pipefail
cd "$(dirname "$0")"

stack=${FG_PROJECT:-rollout}
client=$(docker ps -q -f "label=com.docker.swarm.service.name=${stack}_client" | head -n1)
replicas=$(docker service inspect -f '{{.Spec.Mode.Replicated.Replicas}}' "${stack}_web")

docker exec "$client" rm -f /tmp/rollout-done
docker exec -i "$client" python - "$replicas" < poll.py &
poller=$!
sleep 3   # let the poller see v1 first

echo "== docker service update --image fieldguide/rollout:2.0 ${stack}_web"
# --no-resolve-image: the image was built here, there is no registry to ask for its digest.
# If it fails (a new task unhealthy or exiting within the monitor period rolls it back), the poller
# still reports what the clients saw before the check fails.
updated=0
docker service update --quiet --detach=false --no-resolve-image --image fieldguide/rollout:2.0 "${stack}_web" || updated=$?
# --detach=false returns once the new tasks run; Swarm may still be stopping an old task or watching
# the new ones for the monitor period (and roll back). Wait until it calls the update finished.
for _ in $(seq 120); do
  state=$(docker service inspect -f '{{.UpdateStatus.State}}' "${stack}_web")
  [[ $state == updating || $state == rollback_started ]] || break
  sleep 1
done
docker service ps --format '{{.Name}} {{.Image}} {{.CurrentState}} {{.Error}}' "${stack}_web"
docker service inspect -f 'update: {{.UpdateStatus.State}} ({{.UpdateStatus.Message}})' "${stack}_web"
[[ $state == completed ]] || updated=1

docker exec "$client" touch /tmp/rollout-done
wait "$poller"
exit "$updated"

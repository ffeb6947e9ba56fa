#!/usr/bin/env bash
# Updating a stack = deploying it again: stack.yaml first, then stack.v2.yaml under the same name.
# Swarm compares the new file with what runs and changes only what differs, in place.
# Needs a Swarm manager (docker swarm init). The stack is removed on exit.
set -euo pipefail
cd "$(dirname "$0")"

stack=${FG_PREFIX:-}shop
service=${stack}_web

if [[ $(docker info --format '{{.Swarm.ControlAvailable}}') != true ]]; then
  echo "run.sh: this engine is not a Swarm manager; run 'docker swarm init' first" >&2
  exit 1
fi
if docker stack ls --format '{{.Name}}' | grep -qxF -- "$stack"; then
  echo "run.sh: a stack named $stack already exists; not touching it (set FG_PREFIX to another prefix)" >&2
  exit 1
fi

# docker stack rm returns before the tasks are gone, and can fail to remove the network while a
# task is still attached: wait for the tasks, then remove whatever network is left.
cleanup() {
  docker stack rm "$stack" >/dev/null 2>&1 || true
  for _ in $(seq 60); do
    [[ -z $(docker ps -aq --filter "label=com.docker.stack.namespace=$stack") ]] && break
    sleep 1
  done
  for _ in $(seq 30); do
    networks=$(docker network ls -q --filter "label=com.docker.stack.namespace=$stack")
    [[ -z $networks ]] && break
    docker network rm $networks >/dev/null 2>&1 || sleep 1
  done
}
trap cleanup EXIT

running_tasks() {
  docker service ps "$service" --filter desired-state=running --format '{{.ID}}' | sort
}
# The value of SITE_COLOUR in every running task's container.
colours() {
  for c in $(docker ps -q --filter "label=com.docker.swarm.service.name=$service"); do
    docker exec "$c" printenv SITE_COLOUR
  done | sort | uniq -c
}

echo "== 1. deploy version 1 and wait until it has converged"
docker stack deploy --detach=false --quiet -c stack.yaml "$stack"
docker stack services "$stack" --format 'table {{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}'
service_id=$(docker service inspect -f '{{.ID}}' "$service")
v1_tasks=$(running_tasks)
echo "SITE_COLOUR in the tasks:"; colours

echo "== 2. deploy version 2 under the same name: Swarm updates the service, it does not recreate it"
docker stack deploy --detach=false --quiet -c stack.v2.yaml "$stack"
# The deploy returns when the update is done; with order: start-first the last old task can still
# be stopping then (4/3 replicas for a moment). Wait until the running tasks are the desired ones.
for _ in $(seq 60); do
  replicas=$(docker service ls --filter "name=$service" --format '{{.Replicas}}')
  [[ ${replicas%%/*} == "${replicas##*/}" ]] && break
  sleep 1
done
docker stack services "$stack" --format 'table {{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}'
docker stack ps "$stack" --format 'table {{.Name}}\t{{.DesiredState}}\t{{.CurrentState}}'

echo "== 3. what changed"
if [[ $(docker service inspect -f '{{.ID}}' "$service") != "$service_id" ]]; then
  echo "run.sh: the service was recreated, not updated" >&2
  exit 1
fi
echo "same service ID: $service_id"
replicas=$(docker service inspect -f '{{.Spec.Mode.Replicated.Replicas}}' "$service")
echo "replicas: $replicas"
# A changed environment is a new task template: every old task is replaced by a new one.
if [[ -n $(comm -12 <(echo "$v1_tasks") <(running_tasks)) ]]; then
  echo "run.sh: a version 1 task is still running" >&2
  exit 1
fi
echo "no version 1 task is still running"
echo "SITE_COLOUR in the tasks:"; colours
if [[ $replicas != 3 || $(colours | awk '{print $2}') != green || $(colours | awk '{print $1}') != 3 ]]; then
  echo "run.sh: expected 3 tasks, all with SITE_COLOUR=green" >&2
  exit 1
fi

echo "OK: the running stack took version 2 in place; removing it"

#!/usr/bin/env bash
# A docker context for a second engine: a throwaway Docker-in-Docker engine listening on a TCP port
# of 127.0.0.1, reached through a context, then the context and the engine removed. Plain TCP
# without TLS gives root on that engine to whoever reaches the port: it is only for a local
# throwaway like this one. A real remote engine is reached over SSH (host=ssh://user@host) or TLS.
set -euo pipefail

prefix=${FG_PREFIX:-fg-ctx-}
engine=${prefix}engine
context=${prefix}second
# Docker-in-Docker without the --privileged its documentation asks for: every capability, no seccomp
# or AppArmor profile, writable /sys, its own cgroup namespace. If the engine does not start on
# your host, put --privileged in place of these flags.
dind_flags=(--cap-add ALL --security-opt seccomp=unconfined --security-opt apparmor=unconfined
  --security-opt systempaths=unconfined --cgroupns private --device-cgroup-rule 'a *:* rwm')

fail() { echo "FAIL: $*" >&2; exit 1; }
cleanup() {
  docker context rm --force "$context" >/dev/null 2>&1 || true
  docker rm --force --volumes "$engine" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT   # Ctrl-C or a kill: exit, so that the EXIT trap above removes the engine
trap 'exit 143' TERM

echo "== 1. a second engine, its API published on a free port of 127.0.0.1 only"
# The arguments after the image are dockerd's: the Unix socket inside, plain TCP on port 2375.
docker run --detach --name "$engine" --hostname second-engine "${dind_flags[@]}" \
  --publish 127.0.0.1::2375 docker:28-dind \
  dockerd --host=unix:///var/run/docker.sock --host=tcp://0.0.0.0:2375 --tls=false >/dev/null
address=$(docker port "$engine" 2375/tcp)
echo "the second engine's API: tcp://$address"

echo "== 2. a context that names it"
docker context create "$context" --description 'a throwaway engine on this machine' \
  --docker "host=tcp://$address"
for _ in $(seq 1 60); do
  docker --context "$context" version >/dev/null 2>&1 && break
  sleep 1
done
docker context ls --format '{{.Name}}\t{{.DockerEndpoint}}' | grep -F -- "$context"

echo "== 3. the same command, two engines"
here=$(docker info --format '{{.Name}}')
there=$(docker --context "$context" info --format '{{.Name}}')
echo "docker info                      -> $here"
echo "docker --context $context info -> $there, $(docker --context "$context" info --format '{{.Containers}} containers, {{.Images}} images')"
[[ $there == second-engine ]] || fail "the context reached '$there', not the second engine"
[[ $here != "$there" ]] || fail "both commands reached the same engine"

echo "== 4. remove the context (the engine it names is not touched by that)"
docker context rm "$context"
docker --context "$context" info >/dev/null 2>&1 && fail "the context is still there"
echo "OK: the context reached the second engine and is gone; removing the engine"

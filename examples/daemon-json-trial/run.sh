#!/usr/bin/env bash
# Try a daemon.json on a throwaway engine before it goes on a real host: a Docker-in-Docker engine
# starts with ./daemon.json as its /etc/docker/daemon.json, each setting is observed taking effect
# inside it, and the engine is removed on exit. Your own engine and its configuration are not touched.
set -euo pipefail
cd "$(dirname "$0")"

prefix=${FG_PREFIX:-fg-trial-}
engine=${prefix}engine
# What docker:dind needs, in place of the --privileged its documentation asks for: every capability,
# no seccomp or AppArmor profile, writable /sys, a cgroup namespace of its own, access to devices.
# If the engine does not start on your host, put --privileged in place of these flags.
dind_flags=(--cap-add ALL --security-opt seccomp=unconfined --security-opt apparmor=unconfined
  --security-opt systempaths=unconfined --cgroupns private --device-cgroup-rule 'a *:* rwm')

# What the checks expect from ./daemon.json: change them with the file.
max_file=3            # log-opts max-file
pool=10.201.          # default-address-pools base 10.201.0.0/16

inner() { docker exec -i "$engine" docker "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

cleanup() { docker rm --force --volumes "$engine" >/dev/null 2>&1 || true; }
trap cleanup EXIT
trap 'exit 130' INT   # Ctrl-C or a kill: exit, so that the EXIT trap above removes the engine
trap 'exit 143' TERM

echo "== 1. start a throwaway engine with this daemon.json"
docker run --detach --name "$engine" "${dind_flags[@]}" \
  --volume "$PWD/daemon.json:/etc/docker/daemon.json:ro" docker:28-dind >/dev/null
for _ in $(seq 1 60); do
  inner version >/dev/null 2>&1 && break
  if [[ $(docker inspect --format '{{.State.Running}}' "$engine") != true ]]; then
    docker logs --tail 20 "$engine" >&2
    fail "the engine stopped: the last lines of its log are above"
  fi
  sleep 1
done
inner version --format 'engine {{.Server.Version}} is up' || fail "the engine did not answer within 60 s"

echo "== 2. the engine read the file: dockerd --validate checks the same file"
docker exec "$engine" dockerd --validate --config-file /etc/docker/daemon.json 2>&1

echo "== 3. log rotation: a container prints 200 lines; its log files are capped"
# The throwaway engine has no images and may reach no registry. busybox is one static file: a
# one-file image made of it (docker import) is quicker to copy in than the whole busybox image.
image=$(docker run --rm busybox:1.36 tar -C / -c bin/busybox | inner import -)
inner run --name chatty "$image" /bin/busybox sh -c \
  'i=1; while [ $i -le 200 ]; do echo "line $i of 200"; i=$((i+1)); done' >/dev/null
inner inspect --format '{{.HostConfig.LogConfig.Type}} {{.HostConfig.LogConfig.Config}}' chatty
# The log files, where the engine keeps them: inside the engine's container here, /var/lib/docker on a host.
files=$(docker exec "$engine" sh -c 'ls /var/lib/docker/containers/*/ | grep -- -json.log')
echo "$files"
[[ $(grep -c . <<<"$files") -eq $max_file ]] || fail "expected $max_file log files"
logs=$(inner logs chatty)
echo "docker logs: $(grep -c . <<<"$logs") lines, from '$(head -n 1 <<<"$logs")' to '$(tail -n 1 <<<"$logs")'"
if grep -qx 'line 1 of 200' <<<"$logs"; then fail "line 1 is still in the logs: nothing was rotated away"; fi

echo "== 4. default address pools: the default bridge and a new network get subnets from the pool"
inner network create trial-net >/dev/null
subnets=$(inner network inspect --format '{{.Name}} {{range .IPAM.Config}}{{.Subnet}}{{end}}' bridge trial-net)
echo "$subnets"
while read -r name subnet; do
  [[ $subnet == "$pool"* ]] || fail "$name got $subnet, outside the pool ${pool}0.0/16"
done <<<"$subnets"

echo "OK: every setting took effect; removing the throwaway engine"

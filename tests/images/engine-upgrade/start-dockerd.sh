#!/bin/sh
# Starts the machine's dockerd (Debian 12's 20.10) the way a CI machine runs it: no systemd, its
# own session, log in /var/log/dockerd.log (where install-engine.sh logs too), after readying /sys
# and the cgroup mounts (prepare-mounts.sh, mounted by the test from tests/images/dind). Prints
# dockerd's pid once it answers.
set -eu
prepare-mounts.sh
setsid dockerd </dev/null >>/var/log/dockerd.log 2>&1 &
pid=$!
for _ in $(seq 1 60); do
    if docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then echo "$pid"; exit 0; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
done
tail -n 20 /var/log/dockerd.log >&2
echo "start-dockerd: dockerd did not answer" >&2
exit 1

#!/bin/sh
# Starts the machine's dockerd (Debian 12's 20.10) the way a CI machine runs it: no systemd, its
# own session, log in /var/log/dockerd.log (where install-engine.sh logs too). Docker mounts /sys
# and the cgroup hierarchies read-only in an unprivileged container; an engine inside needs them
# writable (as in tests/images/dind/dockerd-entrypoint.sh). Prints dockerd's pid once it answers.
set -eu
mount -o remount,rw /sys
awk '$5 ~ "^/sys/fs/cgroup" && $6 ~ /^ro/ { print $5 }' /proc/self/mountinfo | while read -r mountpoint; do
    mount -o remount,bind,rw "$mountpoint"
done
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    # cgroup v2: move our processes to a leaf so the root can delegate controllers
    mkdir -p /sys/fs/cgroup/init
    xargs -rn1 </sys/fs/cgroup/cgroup.procs >/sys/fs/cgroup/init/cgroup.procs 2>/dev/null || :
    sed -e 's/ / +/g' -e 's/^/+/' </sys/fs/cgroup/cgroup.controllers >/sys/fs/cgroup/cgroup.subtree_control
fi
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

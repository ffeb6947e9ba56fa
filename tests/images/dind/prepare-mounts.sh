#!/bin/sh
# Readies a container that is not --privileged for a Docker engine inside it. Docker mounts /sys
# and the cgroup hierarchies read-only there; the nested dockerd creates cgroups and sysfs entries
# for its own containers, so they are made writable (the container holds CAP_SYS_ADMIN). One copy
# for every nested engine: the docker:dind stand-in's entrypoint, the Swarm lab's nodes (also on
# the official image, whose entrypoint assumes --privileged) and the engine-upgrade test's machine,
# which mount it from here (tools/standins/dind.ts).
set -e

mount -o remount,rw /sys
# Read-only is a flag of each bind mount here, not of the (shared) cgroup superblock: remount the
# mount point itself ("bind"), or the kernel answers "mount point is busy".
awk '$5 ~ "^/sys/fs/cgroup" && $6 ~ /^ro/ { print $5 }' /proc/self/mountinfo | while read -r mountpoint; do
    mount -o remount,bind,rw "$mountpoint"
done
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    # cgroup v2: move our processes to a leaf so the root can delegate controllers
    mkdir -p /sys/fs/cgroup/init
    xargs -rn1 </sys/fs/cgroup/cgroup.procs >/sys/fs/cgroup/init/cgroup.procs 2>/dev/null || :
    sed -e 's/ / +/g' -e 's/^/+/' </sys/fs/cgroup/cgroup.controllers >/sys/fs/cgroup/cgroup.subtree_control
fi
if ! mountpoint -q /sys/kernel/security && [ -d /sys/kernel/security ]; then
    mount -t securityfs none /sys/kernel/security || :
fi

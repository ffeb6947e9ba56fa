#!/bin/sh
# Starts one Swarm lab node: a Docker engine inside a container that is not --privileged.
# Docker mounts /sys and the cgroup hierarchies read-only in such a container; the nested
# dockerd has to create cgroups and sysfs entries for its own containers, so remount them
# read-write first (the container has CAP_SYS_ADMIN, but not CAP_SYS_RESOURCE).
set -eu

mount -o remount,rw /sys
# Read-only is a flag of each bind mount here, not of the (shared) cgroup superblock: remount
# the mount point itself ("bind"), or the kernel answers "mount point is busy".
awk '$3 == "cgroup" || $3 == "cgroup2" { print $2 }' /proc/mounts |
  while read -r mountpoint; do
    mount -o remount,bind,rw "$mountpoint"
  done

# The API on TCP without TLS is published on the host's loopback only (see tools/lab/swarm.ts).
exec dockerd \
  --host=unix:///var/run/docker.sock \
  --host=tcp://0.0.0.0:2375 \
  --tls=false \
  --log-level=warn

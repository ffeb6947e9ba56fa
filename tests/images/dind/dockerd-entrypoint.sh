#!/bin/sh
# Entrypoint of the docker:dind stand-in. Docker mounts /sys and the cgroup file systems
# read-only in an unprivileged container; an engine inside needs them writable, so this
# remounts them (the container must hold CAP_SYS_ADMIN) before starting dockerd.
set -e

if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ]; then
    set -- dockerd "$@"
fi

if [ "$1" = dockerd ]; then
    mount -o remount,rw /sys
    # the cgroup hierarchies are read-only bind mounts: flip the mount flag, not the super block
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
    if [ -n "$DOCKER_TLS_CERTDIR" ]; then
        echo "dind stand-in: TLS is not implemented here; serving plain tcp://0.0.0.0:2375" >&2
    fi
    case " $* " in
        *" --host"* | *" -H "*) ;;
        *) shift; set -- dockerd --host=unix:///var/run/docker.sock --host=tcp://0.0.0.0:2375 --tls=false "$@" ;;
    esac
fi

exec "$@"

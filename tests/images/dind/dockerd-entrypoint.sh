#!/bin/sh
# Entrypoint of the docker:dind stand-in, and of the Swarm lab's nodes on any docker:dind image:
# readies /sys and the cgroup mounts (prepare-mounts.sh), then starts dockerd on the unix socket
# and plain TCP unless told other hosts.
set -e

if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ]; then
    set -- dockerd "$@"
fi

if [ "$1" = dockerd ]; then
    prepare-mounts.sh
    if [ -n "$DOCKER_TLS_CERTDIR" ]; then
        echo "dind stand-in: TLS is not implemented here; serving plain tcp://0.0.0.0:2375" >&2
    fi
    case " $* " in
        *" --host"* | *" -H "*) ;;
        *) shift; set -- dockerd --host=unix:///var/run/docker.sock --host=tcp://0.0.0.0:2375 --tls=false "$@" ;;
    esac
fi

exec "$@"

#!/bin/sh
# Like the official image's entrypoint: options alone mean haproxy, and haproxy runs
# in master-worker mode (-W) in the foreground (-db) so it is the container's process.
set -e

if [ "${1#-}" != "$1" ]; then
    set -- haproxy "$@"
fi

if [ "$1" = haproxy ]; then
    shift
    set -- haproxy -W -db "$@"
fi

exec "$@"

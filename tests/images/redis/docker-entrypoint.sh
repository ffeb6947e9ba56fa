#!/bin/sh
# Entrypoint of the redis stand-in, behaving like the official image's: options or a
# .conf file alone mean redis-server; the server runs as user redis; protected mode is
# off unless the command line or the config file sets it (the official image builds
# Redis with it off, so other containers can connect without a password).
set -e

if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
    set -- redis-server "$@"
fi

if [ "$1" = redis-server ]; then
    config=
    if [ -f "${2:-}" ] && [ "${2%.conf}" != "$2" ]; then
        config=$2
    fi
    if ! printf '%s\n' "$@" | grep -q -- '^--protected-mode$' &&
       { [ -z "$config" ] || ! grep -Eq '^[[:space:]]*protected-mode[[:space:]]' "$config"; }; then
        set -- "$@" --protected-mode no
    fi
    if [ "$(id -u)" = 0 ]; then
        find . \! -user redis -exec chown redis '{}' +
        exec setpriv --reuid=redis --regid=redis --init-groups "$@"
    fi
fi

exec "$@"

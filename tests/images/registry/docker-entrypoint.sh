#!/bin/sh
# Like the official image's entrypoint: a config file alone means `registry serve FILE`,
# a registry subcommand or option alone means `registry …`.
set -e

case "$1" in
    *.yaml | *.yml) set -- registry serve "$@" ;;
    serve | garbage-collect | help | -*) set -- registry "$@" ;;
esac

exec "$@"

#!/bin/sh
# Handles SIGUSR1 only: it finishes its work and exits. SIGTERM is not handled.
trap 'echo "got SIGUSR1: saving and exiting"; exit 0' USR1
echo "ready"
while :; do sleep 1 & wait $!; done

#!/usr/bin/env bash
# What to run after installing Docker: the client reaches the daemon, the daemon's main settings,
# and a container started from an image built here (no Docker Hub: the base image is local).
set -euo pipefail
cd "$(dirname "$0")"

prefix=${FG_PREFIX:-fg-check-}
image=${prefix}hello:1.0
cleanup() { docker image rm "$image" >/dev/null 2>&1 || true; }
trap cleanup EXIT

echo "== 1. client and server: no Server part means the client cannot reach the daemon"
docker version --format 'client {{.Client.Version}}, server {{.Server.Version}} (API {{.Server.APIVersion}})'

echo "== 2. the daemon's main settings, and its warnings"
docker info --format 'storage driver {{.Driver}}, logging driver {{.LoggingDriver}}, cgroup {{.CgroupVersion}}, root {{.DockerRootDir}}'
docker info --format '{{range .Warnings}}{{println .}}{{end}}' | grep . || echo 'no warnings'

echo "== 3. build an image and start a container from it"
docker build --quiet --tag "$image" . >/dev/null
docker run --rm "$image"

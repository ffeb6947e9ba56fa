#!/usr/bin/env bash
# The image as a service: `--serve` replaces CMD, the program listens on the EXPOSEd port 8000,
# and `-p` publishes it on the host.
set -euo pipefail

image=${FG_IMAGE:-dockerfile-basics:dev}
name=${FG_PROJECT:-dockerfile-basics}-serve
trap 'docker container rm --force "$name" >/dev/null 2>&1 || true' EXIT

docker run -d --name "$name" -p 127.0.0.1:8085:8000 "$image" --serve >/dev/null
for _ in $(seq 20); do
  if answer=$(curl -fsS http://127.0.0.1:8085/ 2>/dev/null); then
    echo "$answer"
    [[ $answer == "Hello from "* ]]
    exit 0
  fi
  sleep 0.5
done
echo "no answer on 127.0.0.1:8085" >&2
docker logs "$name" >&2
exit 1

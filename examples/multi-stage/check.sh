#!/usr/bin/env bash
# The multi-stage image serves its page, and it is far smaller than the same site built in one
# stage (Dockerfile.single), which still carries Python and the build tools.
set -euo pipefail
cd "$(dirname "$0")"

multi=${FG_IMAGE:-multi-stage:dev}
single=${FG_PROJECT:-multi-stage}:single
name=${FG_PROJECT:-multi-stage}-site
trap 'docker container rm --force "$name" >/dev/null 2>&1 || true; docker image rm "$single" >/dev/null 2>&1 || true' EXIT

# The final image has no shell: busybox's own wget asks the server inside the container.
docker run -d --name "$name" "$multi" >/dev/null
for _ in $(seq 20); do
  if page=$(docker exec "$name" /bin/busybox wget -q -O - http://127.0.0.1:8080/index.html 2>/dev/null); then
    break
  fi
  sleep 0.5
done
echo "$page"
[[ $page == *"<h1>Multi-stage builds</h1>"* ]]

docker build -q -t "$single" -f Dockerfile.single . >/dev/null
multi_size=$(docker image inspect --format '{{.Size}}' "$multi")
single_size=$(docker image inspect --format '{{.Size}}' "$single")
echo "single stage: $((single_size / 1000000)) MB, multi-stage: $((multi_size / 1000000)) MB"
# Far smaller: less than a tenth of the single-stage image.
(( multi_size * 10 < single_size ))

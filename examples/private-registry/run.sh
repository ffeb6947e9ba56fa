#!/usr/bin/env bash
# A private registry on this machine: build an image named after it, push it, delete the local
# copy, pull it back and run it.
set -euo pipefail

prefix=${FG_PREFIX:-fg-registry-}   # every name starts with it
port=${REGISTRY_PORT:-5000}
registry=${prefix}registry
image=localhost:$port/${prefix}hello:1.0   # <registry host:port>/<repository>:<tag>

cleanup() {
  docker container rm --force --volumes "$registry" "${prefix}hello" >/dev/null 2>&1 || true
  docker image rm "$image" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== start registry:2.8 on 127.0.0.1:$port"
docker run -d --name "$registry" -p "127.0.0.1:$port:5000" \
  --health-cmd 'wget -q -O /dev/null http://127.0.0.1:5000/v2/ || exit 1' \
  --health-interval 2s --health-retries 15 \
  registry:2.8
for _ in $(seq 30); do
  [ "$(docker inspect -f '{{.State.Health.Status}}' "$registry")" = healthy ] && break
  sleep 1
done
docker inspect -f 'registry is {{.State.Health.Status}}' "$registry"

echo "== build $image"
docker build --quiet -t "$image" - <<'DOCKERFILE'
FROM busybox:1.36
RUN echo "hello from the private registry" > /hello.txt
CMD ["cat", "/hello.txt"]
DOCKERFILE

echo "== push it"
docker image push "$image"

echo "== remove the local copy, then pull it back from the registry and run it"
docker image rm "$image"
docker image pull "$image"
docker run --rm --name "${prefix}hello" "$image"

echo "== ask the registry what it holds (Registry HTTP API v2)"
catalog=$(curl -fsS "http://127.0.0.1:$port/v2/_catalog")
tags=$(curl -fsS "http://127.0.0.1:$port/v2/${prefix}hello/tags/list")
echo "$catalog"
echo "$tags"
grep -q "\"${prefix}hello\"" <<<"$catalog"
grep -q '"1.0"' <<<"$tags"
echo "OK: pushed, pulled back, ran, and listed by the registry"

#!/usr/bin/env bash
# Builds with a secret mounted for one RUN instruction, then looks for the secret everywhere a
# reader of the image could: the image's history, every layer of the saved image, and the files
# of a container made from it. It must be found in none of them, yet the build must have used it.
set -euo pipefail
cd "$(dirname "$0")"

prefix=${FG_PREFIX:-build-secret-}
image=${prefix}image:1
work=$(mktemp -d)
trap 'rm -rf "$work"; docker container rm --force "${prefix}fs" >/dev/null 2>&1 || true; docker image rm "$image" >/dev/null 2>&1 || true' EXIT

# A new random token on every run, so nothing below can find an old one by chance.
token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s' "$token" > "$work/token.txt"

# --no-cache: the secret's contents are not part of the cache key, so a cached RUN would not
# read this run's token at all.
docker build -q --no-cache --secret id=api_token,src="$work/token.txt" -t "$image" . >/dev/null

# A container made from the image (not started): its files are read from a `docker export`.
docker container create --name "${prefix}fs" "$image" >/dev/null
docker container export -o "$work/fs.tar" "${prefix}fs"

echo "1. the build used it:"
tar -xOf "$work/fs.tar" build.log
tar -xOf "$work/fs.tar" build.log | grep -q "a token of ${#token} characters"

echo "2. not in the image's history:"
if docker image history --no-trunc --format '{{.CreatedBy}}' "$image" | grep -F "$token"; then exit 1; fi
echo "   not found"

echo "3. not in any layer of the saved image:"
docker image save -o "$work/image.tar" "$image"
mkdir "$work/saved" && tar -xf "$work/image.tar" -C "$work/saved"
layers=0
for blob in "$work"/saved/blobs/sha256/*; do
  # Layers are tar archives; the other blobs (manifests, the image config) are JSON.
  if tar -tf "$blob" >/dev/null 2>&1; then
    layers=$((layers + 1))
    if tar -xOf "$blob" | grep -a -q -F "$token"; then echo "   found in layer $blob"; exit 1; fi
  elif grep -a -q -F "$token" "$blob"; then
    echo "   found in $blob"; exit 1
  fi
done
(( layers > 0 ))  # an image saved in a layout this loop does not know would prove nothing
echo "   not found in $layers layers nor in the manifests and config"

echo "4. not in the container's filesystem:"
if tar -xOf "$work/fs.tar" | grep -a -q -F "$token"; then exit 1; fi
if tar -tf "$work/fs.tar" | grep -q '^run/secrets/api_token$'; then exit 1; fi
echo "   not found, and /run/secrets/api_token does not exist"

echo "5. without the secret the build fails (required=true):"
if docker build -q --no-cache -t "$image" . >"$work/fail.log" 2>&1; then exit 1; fi
grep -o 'secret api_token: not found' "$work/fail.log"

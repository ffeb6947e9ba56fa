#!/usr/bin/env bash
# Builds twice. Between the builds one source file changes, so COPY src/ makes a new layer and the
# RUN after it runs again; the cache mount still holds the first build's results, so only the
# changed file is compiled again. The proof is the count of files compiled, not the time taken.
set -euo pipefail
cd "$(dirname "$0")"

prefix=${FG_PREFIX:-cache-mount-}
work=$(mktemp -d)
trap 'rm -rf "$work"; docker image rm "${prefix}image:1" "${prefix}image:2" >/dev/null 2>&1 || true' EXIT

# A copy of the folder whose sources carry a line of their own, so this run starts with contents
# the builder's cache has never seen (the cache mount outlives every build, and every run).
cp -r Dockerfile compile.sh src "$work/"
run_id=$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
for f in "$work"/src/*.txt; do echo "run $run_id" >> "$f"; done

build() {  # build <tag>: builds the copy and prints how long it took (printed, not judged)
  local start=$SECONDS
  docker build -q -t "${prefix}image:$1" "$work" >/dev/null
  echo "build $1 took about $((SECONDS - start)) s"
  # The image's CMD prints the build's log; /cache, the cache mount, must not be in the image.
  docker run --rm "${prefix}image:$1" sh -c 'cat /out/build.log && test ! -e /cache' | tee "$work/build-$1.log"
}

build 1
printf 'source file 3, changed\nrun %s\n' "$run_id" > "$work/src/file3.txt"
build 2

[ "$(grep -c '^compiling' "$work/build-1.log")" = 5 ]
[ "$(grep -c '^compiling' "$work/build-2.log")" = 1 ]
[ "$(grep -c '^from cache' "$work/build-2.log")" = 4 ]
grep -q '^compiling:  src/file3.txt' "$work/build-2.log"
echo "the second build compiled 1 file and took 4 from the cache mount"
echo "/cache is in neither image"

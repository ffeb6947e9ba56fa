#!/bin/sh
# Offline image kit of this example (Docker Field Guide). The same script in every example's .zip;
# images.txt next to it lists the images.
#   sh images.sh save [FILE]   on a machine that can pull: pulls every image of images.txt and
#                              saves them all into FILE
#   sh images.sh load [FILE]   on the machine without internet access: loads FILE into its engine
# FILE defaults to <this folder's name>-images.tar in this folder.
# 离线镜像包：在联网的机器上运行 save（拉取 images.txt 里的每个镜像并存进 FILE），
# 把整个目录带到离线网络里的机器上，再运行 load。
set -eu

dir=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
name=$(basename -- "$dir")
list="$dir/images.txt"

usage() {
  echo "usage: sh images.sh save [FILE]   pull the images of images.txt and save them into FILE"
  echo "       sh images.sh load [FILE]   load the images in FILE into this machine's Docker engine"
  echo "FILE defaults to $dir/$name-images.tar"
}

fail() {
  echo "images.sh: $*" >&2
  exit 1
}

need_docker() {
  command -v docker >/dev/null 2>&1 || fail "docker is not installed or not in PATH"
}

# The references of images.txt: comments and blank lines dropped.
images() {
  [ -f "$list" ] || fail "$list is missing: it lists the images to save"
  sed -e 's/#.*//' -e 's/[[:space:]]//g' "$list" | grep -v '^$' || true
}

save() {
  need_docker
  refs=$(images)
  if [ -z "$refs" ]; then
    echo "images.txt lists no image: this example needs none, nothing to save"
    return 0
  fi
  for ref in $refs; do
    echo "pulling $ref"
    if ! docker pull "$ref"; then
      if docker image inspect "$ref" >/dev/null 2>&1; then
        echo "images.sh: pulling $ref failed; saving the copy of $ref already on this machine" >&2
      else
        fail "pulling $ref failed and this machine has no copy of it: nothing saved"
      fi
    fi
  done
  echo "saving $(echo "$refs" | wc -l | tr -d ' ') image(s) into $file"
  # shellcheck disable=SC2086 # one argument per reference
  docker save -o "$file" $refs
  echo "done: bring $file and this folder to the machine without internet access, then run there: sh images.sh load"
}

load() {
  need_docker
  refs=$(images)
  if [ -z "$refs" ]; then
    echo "images.txt lists no image: this example needs none, nothing to load"
    return 0
  fi
  [ -f "$file" ] || fail "$file not found: run 'sh images.sh save' on a machine that can pull and bring the file here, or name it: sh images.sh load FILE"
  docker load -i "$file"
  missing=''
  for ref in $refs; do
    docker image inspect "$ref" >/dev/null 2>&1 || missing="$missing $ref"
  done
  [ -z "$missing" ] || fail "still missing after loading $file:$missing"
  echo "done: every image of images.txt is on this machine"
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  usage >&2
  exit 2
fi
file=${2:-$dir/$name-images.tar}
case $1 in
  save) save ;;
  load) load ;;
  -h | --help | help) usage ;;
  *)
    echo "images.sh: unknown command: $1" >&2
    usage >&2
    exit 2
    ;;
esac

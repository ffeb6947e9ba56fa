#!/usr/bin/env bash
# Builds the linux/arm64 variant of the busybox stand-in (tests/images/README.md, "busybox on
# linux/arm64"): Debian 12's statically linked arm64 busybox, unpacked by mmdebstrap (variant
# extract: no package script runs, so nothing arm64 runs while building) from the apt mirror this
# machine already uses, a link in /bin for every applet, /etc/passwd and /etc/group for root and
# nobody, imported with `docker import --platform linux/arm64` as $1 (about 2 MB).
# tools/standins/platforms.ts calls it and joins the result with the amd64 stand-in into one
# two-platform image. Running it (and listing its applets here) needs QEMU's binfmt handler for
# aarch64 (qemu-user-static, binfmt-support: .ci/install-system.sh).
set -euo pipefail

IMAGE=${1:?usage: build.sh IMAGE [LABEL=VALUE …]}
shift
SOURCES=/etc/apt/sources.list.d/debian.sources
say() { printf 'busybox arm64: %s\n' "$*"; }
die() { printf 'busybox arm64: ERROR: %s\n' "$*" >&2; exit 1; }

[[ $EUID -eq 0 ]] || die "mmdebstrap needs root to build $IMAGE"
command -v mmdebstrap >/dev/null || die "mmdebstrap is missing"
[[ -r $SOURCES ]] || die "$SOURCES is missing: cannot tell which Debian mirror to use"
[[ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]] || die "no binfmt handler for aarch64 (install qemu-user-static and binfmt-support)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$SECONDS
mmdebstrap --variant=extract --arch=arm64 --quiet --include=busybox-static \
  bookworm "$work/extract.tar" "$SOURCES"

mkdir -p "$work/root/bin" "$work/root/etc" "$work/root/root" "$work/root/tmp"
tar -C "$work/root" -xf "$work/extract.tar" ./bin/busybox
chmod 1777 "$work/root/tmp"
chmod 700 "$work/root/root"
# The applet list comes from the arm64 binary itself, run through the binfmt handler.
for applet in $("$work/root/bin/busybox" --list); do
  [[ -e $work/root/bin/$applet ]] || ln -s busybox "$work/root/bin/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' >"$work/root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$work/root/etc/group"
tar -C "$work/root" --numeric-owner --owner=0 --group=0 -cf "$work/rootfs.tar" .

changes=(--change 'CMD ["sh"]')
for label in "$@"; do changes+=(--change "LABEL $label"); done
docker import --platform linux/arm64 "${changes[@]}" \
  --message "busybox-static (arm64) from mmdebstrap --variant=extract bookworm" \
  "$work/rootfs.tar" "$IMAGE" >/dev/null
say "built $IMAGE in $((SECONDS - start)) s ($(docker image inspect --format '{{.Size}}' "$IMAGE" | awk '{printf "%.1f MB", $1/1e6}'))"

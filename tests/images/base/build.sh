#!/usr/bin/env bash
# Builds fieldguide/debian:bookworm, the base of every offline stand-in image:
# a minimal Debian 12 root file system made by mmdebstrap from the apt mirror this
# machine already uses, imported with `docker import`. apt stays usable inside
# (sources list + archive keyring), so Dockerfiles can `RUN apt-get install …`.
# Skips the build when the image exists and carries this script's hash.
set -euo pipefail

IMAGE=${FG_BASE_IMAGE:-fieldguide/debian:bookworm}
SOURCES=/etc/apt/sources.list.d/debian.sources
HASH=$(sha256sum "${BASH_SOURCE[0]}" | cut -d' ' -f1)

say() { printf 'base image: %s\n' "$*"; }
die() { printf 'base image: ERROR: %s\n' "$*" >&2; exit 1; }

current=$(docker image inspect --format '{{index .Config.Labels "org.fieldguide.base.hash"}}' "$IMAGE" 2>/dev/null || true)
if [[ $current == "$HASH" ]]; then
  say "$IMAGE is up to date (${HASH:0:12})"
  exit 0
fi

[[ $EUID -eq 0 ]] || die "mmdebstrap needs root to build $IMAGE"
command -v mmdebstrap >/dev/null || die "mmdebstrap is missing (run .ci/install-engine.sh)"
[[ -r $SOURCES ]] || die "$SOURCES is missing: cannot tell which Debian mirror to use"

# URIs of the stanzas serving bookworm and bookworm-security, as this machine's apt has them.
uri_for() {
  awk -v want="$1" '
    BEGIN { RS = ""; FS = "\n" }
    {
      uris = ""; suites = ""
      for (i = 1; i <= NF; i++) {
        if ($i ~ /^URIs:/)   { uris = $i;   sub(/^URIs:[ \t]*/, "", uris) }
        if ($i ~ /^Suites:/) { suites = $i; sub(/^Suites:[ \t]*/, "", suites) }
      }
      if (uris != "" && (" " suites " ") ~ (" " want " ")) { split(uris, u, /[ \t]+/); print u[1]; exit }
    }' "$SOURCES"
}
mirror=$(uri_for bookworm)
security=$(uri_for bookworm-security)
[[ -n $mirror ]] || die "no stanza for bookworm in $SOURCES"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  printf 'Types: deb\nURIs: %s\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$mirror"
  if [[ -n $security ]]; then
    printf '\nTypes: deb\nURIs: %s\nSuites: bookworm-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$security"
  fi
} >"$work/debian.sources"

say "building $IMAGE from $mirror with mmdebstrap"
start=$SECONDS
# The customize hooks give the image what Debian's official image has: apt sources in
# deb822 form, no services started by package scripts during builds (policy-rc.d),
# no apt caches left in layers, no man pages or translations.
mmdebstrap --variant=minbase --quiet \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-include=/usr/share/locale/locale.alias' \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  --aptopt='Acquire::Languages "none"' \
  --customize-hook='rm -f "$1/etc/apt/sources.list"; rm -rf "$1"/etc/apt/sources.list.d/*' \
  --customize-hook="cp '$work/debian.sources' \"\$1/etc/apt/sources.list.d/debian.sources\"" \
  --customize-hook='printf "#!/bin/sh\nexit 101\n" > "$1/usr/sbin/policy-rc.d"; chmod 755 "$1/usr/sbin/policy-rc.d"' \
  --customize-hook='printf "DPkg::Post-Invoke { \"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true\"; };\nAPT::Update::Post-Invoke { \"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true\"; };\nDir::Cache::pkgcache \"\";\nDir::Cache::srcpkgcache \"\";\n" > "$1/etc/apt/apt.conf.d/docker-clean"' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/* "$1"/var/log/*.log "$1"/var/log/apt/*' \
  bookworm "$work/rootfs.tar" "$work/debian.sources"

docker import \
  --change 'CMD ["bash"]' \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  --change "LABEL org.fieldguide.base.hash=$HASH" \
  --change 'LABEL org.fieldguide.base="Debian 12 minbase from mmdebstrap"' \
  --message "mmdebstrap --variant=minbase bookworm" \
  "$work/rootfs.tar" "$IMAGE" >/dev/null
say "built $IMAGE in $((SECONDS - start)) s ($(docker image inspect --format '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}'))"

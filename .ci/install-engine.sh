#!/usr/bin/env bash
# Installs and starts the Docker engine the examples run on, on Debian 12, as root.
#   - Debian's docker.io (daemon), plus mmdebstrap (base image), iproute2 and curl;
#   - Compose v2 and buildx from Debian trixie's docker-compose / docker-buildx .debs,
#     because bookworm only has Compose v1. The mirror is the one this machine's apt
#     already uses (read from its sources at run time), never a host written here;
#   - starts dockerd in the background when it is not answering (no systemd here).
# Idempotent: when everything is in place it only checks, and says so.
set -euo pipefail

SOURCES=/etc/apt/sources.list.d/debian.sources
DOCKERD_LOG=/var/log/dockerd.log

say() { printf 'install-engine: %s\n' "$*"; }
die() { printf 'install-engine: ERROR: %s\n' "$*" >&2; exit 1; }

[[ $EUID -eq 0 ]] || die "run me as root (apt-get, dpkg and dockerd need it)"
export DEBIAN_FRONTEND=noninteractive

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

# The first URI of the apt source that serves the plain bookworm suite (not -security).
mirror_uri() {
  local uri=""
  if [[ -r $SOURCES ]]; then
    uri=$(awk '
      BEGIN { RS = ""; FS = "\n" }
      {
        uris = ""; suites = ""
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^URIs:/)   { uris = $i;   sub(/^URIs:[ \t]*/, "", uris) }
          if ($i ~ /^Suites:/) { suites = $i; sub(/^Suites:[ \t]*/, "", suites) }
        }
        if (uris != "" && (" " suites " ") ~ / bookworm /) { split(uris, u, /[ \t]+/); print u[1]; exit }
      }' "$SOURCES")
  fi
  if [[ -z $uri && -r /etc/apt/sources.list ]]; then
    uri=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) { if ($(i+1) == "bookworm") { print $i; exit } else break } }' /etc/apt/sources.list)
  fi
  [[ -n $uri ]] || die "cannot find the bookworm mirror URI in $SOURCES or /etc/apt/sources.list"
  printf '%s\n' "$uri"
}

# 1. Debian packages from bookworm.
wanted=()
for pkg in docker.io mmdebstrap iproute2 curl; do
  installed "$pkg" || wanted+=("$pkg")
done
if ((${#wanted[@]})); then
  say "installing ${wanted[*]} from Debian"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null
else
  say "docker.io, mmdebstrap, iproute2 and curl are installed"
fi

# 2. Compose v2 and buildx from trixie, downloaded through a throw-away apt state.
has_plugin() { docker "$1" version >/dev/null 2>&1; }
if has_plugin compose && has_plugin buildx; then
  say "docker compose and docker buildx are present"
else
  uri=$(mirror_uri)
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/lists/partial" "$tmp/archives/partial" "$tmp/debs"
  mkdir -p "$tmp/sources.d"
  cat >"$tmp/sources.d/trixie.sources" <<EOF
Types: deb
URIs: $uri
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  apt_tmp=(
    -o "Dir::Etc::sourcelist=$tmp/none.list" -o "Dir::Etc::sourceparts=$tmp/sources.d"
    -o "Dir::State::Lists=$tmp/lists" -o "Dir::Cache::archives=$tmp/archives"
    -o "Dir::Cache::pkgcache=$tmp/pkgcache.bin" -o "Dir::Cache::srcpkgcache=$tmp/srcpkgcache.bin"
    -o APT::Get::List-Cleanup=0 -o APT::Sandbox::User=root
  )
  say "fetching docker-compose and docker-buildx from trixie on $uri"
  apt-get "${apt_tmp[@]}" update -qq
  (cd "$tmp/debs" && apt-get "${apt_tmp[@]}" download docker-compose docker-buildx)
  dpkg -i "$tmp"/debs/*.deb >/dev/null
  say "installed $(cd "$tmp/debs" && echo *.deb)"
fi

# Plugins live in /usr/libexec/docker/cli-plugins, which every docker CLI since 19.03 searches;
# link them where a CLI installed elsewhere (e.g. /usr/local/bin/docker) looks first, if needed.
for plugin in compose buildx; do
  if ! has_plugin "$plugin" && [[ -x /usr/libexec/docker/cli-plugins/docker-$plugin ]]; then
    mkdir -p /usr/local/lib/docker/cli-plugins
    ln -sf "/usr/libexec/docker/cli-plugins/docker-$plugin" /usr/local/lib/docker/cli-plugins/
    say "linked docker-$plugin into /usr/local/lib/docker/cli-plugins"
  fi
  has_plugin "$plugin" || die "'docker $plugin version' fails with $(command -v docker)"
done
say "$(docker compose version | head -1); buildx $(docker buildx version | awk '{print $2}')"

# 3. The daemon.
server_version() { docker version --format '{{.Server.Version}}' 2>/dev/null; }
if server_version >/dev/null; then
  say "dockerd $(server_version) is answering"
else
  # alive PID: the process exists and is not a zombie waiting to be reaped
  alive() { local stat; stat=$(cat "/proc/$1/stat" 2>/dev/null) && [[ ${stat##*) } != Z* ]]; }
  pid=""
  for comm in /proc/[0-9]*/comm; do
    p=${comm#/proc/}; p=${p%/comm}
    if [[ $(cat "$comm" 2>/dev/null) == dockerd ]] && alive "$p"; then pid=$p; break; fi
  done
  if [[ -n $pid ]]; then
    say "dockerd (pid $pid) is running but not answering yet; waiting"
  else
    say "starting dockerd (log: $DOCKERD_LOG)"
    # its own session, so that it outlives this script and the CI step that ran it
    setsid dockerd </dev/null >>"$DOCKERD_LOG" 2>&1 &
    pid=$!
  fi
  for _ in $(seq 1 60); do
    server_version >/dev/null && break
    alive "$pid" || break
    sleep 1
  done
  if ! server_version >/dev/null; then
    echo "----- last lines of $DOCKERD_LOG -----" >&2
    tail -n 30 "$DOCKERD_LOG" >&2 || true
    if alive "$pid"; then die "dockerd did not answer within 60 s"; else die "dockerd exited"; fi
  fi
  say "dockerd $(server_version) is answering"
fi
docker info --format 'install-engine: storage driver {{.Driver}}, cgroup v{{.CgroupVersion}}, {{.NCPU}} CPUs'

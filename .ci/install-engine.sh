#!/usr/bin/env bash
# Installs, upgrades and starts the Docker engine the guide runs on (Debian 12, root, no systemd).
#
#   - Engine, CLI, Compose and buildx are Debian's docker.io, docker-cli, docker-compose and
#     docker-buildx .debs from unstable (Engine 28), installed next to bookworm's own containerd and
#     runc. When unstable's cannot be had or installed, trixie's (Engine 26), then bookworm's docker.io
#     (20.10), each fallback said loudly. The mirror is the one this machine's apt already uses (read
#     from its sources at run time), never a host written here; other suites go through a throw-away
#     apt state, so the machine's own apt sources never change.
#   - The .debs stay in $ENGINE_CACHE/<major>/, one folder per engine major, so the Docker-in-Docker
#     stand-in (tests/images/dind) installs the very same files. Trixie's Engine 26 is fetched there
#     too: the second engine major the examples are checked on.
#   - A dockerd of another version is stopped by its pid and the new one started; images and volumes
#     stay in /var/lib/docker.
#   - The engine's own CLI becomes the `docker` every process finds (a different client first in
#     PATH is moved aside, and the output says so).
#   - The versions are recorded in docker-versions.json at the repository root; a difference from
#     the committed file is printed as a warning block.
# Idempotent: when everything is in place it only checks, and says so.
set -euo pipefail
cd "$(dirname "$0")/.."

SOURCES=/etc/apt/sources.list.d/debian.sources
DOCKERD_LOG=/var/log/dockerd.log
ENGINE_CACHE=/var/cache/docker-field-guide/engine
VERSIONS_FILE=docker-versions.json
# Preferred first.
SUITES=(unstable trixie)
SECOND_SUITE=trixie
ENGINE_CLI=/usr/bin/docker

say() { printf 'install-engine: %s\n' "$*"; }
warn() { printf 'install-engine: WARNING: %s\n' "$*" >&2; }
die() { printf 'install-engine: ERROR: %s\n' "$*" >&2; exit 1; }

[[ $EUID -eq 0 ]] || die "run me as root (apt-get, dpkg and dockerd need it)"
export DEBIAN_FRONTEND=noninteractive

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }
installed_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || true; }
deb_field() { dpkg-deb -f "$1" "$2"; }

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

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# fetch_suite SUITE: downloads the suite's engine .debs into $ENGINE_CACHE/<major>/ (replacing what
# was there) and prints that folder. Fails (status 1, reason on stderr) when the suite lacks them.
fetch_suite() {
  local suite=$1 state="$work/apt-$1" uri tini major debs
  uri=$(mirror_uri)
  mkdir -p "$state/lists/partial" "$state/archives/partial" "$state/sources.d" "$state/debs"
  : >"$state/status"
  printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$uri" "$suite" >"$state/sources.d/$suite.sources"
  local apt_state=(
    -o "Dir::Etc::sourcelist=$state/none.list" -o "Dir::Etc::sourceparts=$state/sources.d"
    -o "Dir::State::Lists=$state/lists" -o "Dir::Cache::archives=$state/archives"
    -o "Dir::Cache::pkgcache=$state/pkgcache.bin" -o "Dir::Cache::srcpkgcache=$state/srcpkgcache.bin"
    -o APT::Get::List-Cleanup=0 -o APT::Sandbox::User=root
    # nothing installed, as apt sees it here: the suite's own version is the one downloaded
    -o "Dir::State::status=$state/status"
  )
  say "fetching docker.io, docker-cli, docker-compose and docker-buildx from $suite on $uri" >&2
  apt-get "${apt_state[@]}" update -qq >&2 || { warn "apt-get update of $suite failed"; return 1; }
  # unstable's engine needs tini-static, which bookworm lacks (a static binary: it fits any libc);
  # trixie's needs tini, which bookworm has, while trixie's own wants a newer libc
  local packages=(docker.io docker-cli docker-compose docker-buildx)
  # (grep reads all of it: a `grep -q` that quits early makes apt-cache die of SIGPIPE, and pipefail
  # then reads that as "no tini-static" in about one run of three)
  apt-cache "${apt_state[@]}" show docker.io 2>/dev/null | grep '^Depends:.*tini-static' >/dev/null && packages+=(tini-static)
  (cd "$state/debs" && apt-get "${apt_state[@]}" download "${packages[@]}" >&2) ||
    { warn "$suite does not have all of ${packages[*]}"; return 1; }
  major=$(deb_field "$state"/debs/docker.io_*.deb Version | sed -E 's/^([0-9]+:)?([0-9]+)\..*/\2/')
  debs="$ENGINE_CACHE/$major"
  rm -rf "$debs" && mkdir -p "$debs" && mv "$state"/debs/*.deb "$debs/"
  echo "$suite" >"$debs/suite"
  printf '%s\n' "$debs"
}

# The engine .debs the host should run: the cached folder whose docker.io is installed, else the
# first suite that has them.
engine_debs=""
for dir in "$ENGINE_CACHE"/*/; do
  deb=$(compgen -G "${dir}docker.io_*.deb" | head -1) || continue
  [[ $(installed_version docker.io) == "$(deb_field "$deb" Version)" ]] && engine_debs=${dir%/}
done

apt_updated=""
apt_install() {
  [[ -n $apt_updated ]] || { apt-get update -qq; apt_updated=1; }
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# 1. Tools the project needs from bookworm itself.
wanted=()
for pkg in mmdebstrap iproute2 curl iptables; do installed "$pkg" || wanted+=("$pkg"); done
if ((${#wanted[@]})); then say "installing ${wanted[*]} from Debian"; apt_install "${wanted[@]}"; fi

# 2. The engine packages.
if [[ -n $engine_debs ]]; then
  say "docker.io $(installed_version docker.io), docker-compose $(installed_version docker-compose) and docker-buildx $(installed_version docker-buildx) are installed (from $engine_debs)"
else
  for suite in "${SUITES[@]}"; do
    dir=$(fetch_suite "$suite") || { warn "no engine from $suite; trying the next suite"; continue; }
    say "installing $(cd "$dir" && echo *.deb)"
    if apt_install "$dir"/*.deb; then engine_debs=$dir; break; fi
    warn "the $suite engine packages do not install on this system; trying the next suite"
  done
  if [[ -z $engine_debs ]]; then
    warn "FALLBACK: neither ${SUITES[*]} could provide the engine; installing bookworm's docker.io (Engine 20.10, out of support). Every report names this engine."
    apt_install docker.io
    # bookworm has no Compose v2 or buildx: trixie's, if they were fetched
    plugins=$(compgen -G "$ENGINE_CACHE/*/docker-compose_*.deb"; compgen -G "$ENGINE_CACHE/*/docker-buildx_*.deb") || true
    [[ -z $plugins ]] || apt_install $plugins
  fi
fi
engine_suite=$(cat "$engine_debs/suite" 2>/dev/null || echo bookworm)
if [[ $engine_suite != "${SUITES[0]}" ]]; then
  warn "FALLBACK: the engine is $engine_suite's docker.io $(installed_version docker.io), not ${SUITES[0]}'s: every report names it"
fi

# The second engine major, for the Docker-in-Docker checks only (never installed on the host).
second=$(compgen -G "$ENGINE_CACHE/*/docker.io_*.deb" | grep -v "^$engine_debs/" | head -1 || true)
if [[ -z $second ]]; then
  if second_dir=$(fetch_suite "$SECOND_SUITE"); then
    say "second engine .debs ready in $second_dir"
  else
    warn "no second engine major from $SECOND_SUITE: the examples run on one engine only"
  fi
fi

# 3. One CLI: the engine's own. The machine image may ship another client earlier in PATH.
first_cli=$(command -v docker || true)
if [[ -n $first_cli && $first_cli != "$ENGINE_CLI" && $(readlink -f "$first_cli") != "$(readlink -f "$ENGINE_CLI")" ]]; then
  other=$("$first_cli" --version 2>/dev/null | sed -nE 's/^Docker version ([^, ]+).*/\1/p')
  mv "$first_cli" "$first_cli-$other"
  ln -s "$ENGINE_CLI" "$first_cli"
  say "$first_cli was another client (CLI $other), ahead of the engine's own in PATH: moved to $first_cli-$other and linked $ENGINE_CLI in its place"
fi
for plugin in compose buildx; do
  docker "$plugin" version >/dev/null 2>&1 || die "'docker $plugin version' fails with $(command -v docker)"
done
say "CLI $(command -v docker) -> $(readlink -f "$(command -v docker)"), $(docker compose version | head -1), buildx $(docker buildx version | awk '{print $2}')"

# 4. The daemon: the installed one, answering.
alive() { local stat; stat=$(cat "/proc/$1/stat" 2>/dev/null) && [[ ${stat##*) } != Z* ]]; }
dockerd_pid() {
  local comm p
  for comm in /proc/[0-9]*/comm; do
    p=${comm#/proc/}; p=${p%/comm}
    if [[ $(cat "$comm" 2>/dev/null) == dockerd ]] && alive "$p"; then echo "$p"; return; fi
  done
}
server_version() { docker version --format '{{.Server.Version}}' 2>/dev/null; }
want=$(dockerd --version | sed -E 's/^Docker version ([^,]+),.*/\1/')
running=$(server_version || true)
if [[ -n $running && $running != "$want" ]]; then
  pid=$(dockerd_pid)
  [[ -n $pid ]] || die "an engine $running answers, but no dockerd process runs here to stop (another host's DOCKER_HOST?)"
  say "dockerd (pid $pid) is $running, the installed one is $want: stopping it (images and volumes stay)"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do alive "$pid" || break; sleep 1; done
  alive "$pid" && die "dockerd (pid $pid) did not stop within 60 s"
fi
if ! server_version >/dev/null; then
  pid=$(dockerd_pid)
  if [[ -n $pid ]]; then
    say "dockerd (pid $pid) is running but not answering yet; waiting"
  else
    say "starting dockerd $want (log: $DOCKERD_LOG)"
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
fi
say "dockerd $(server_version) is answering"
docker info --format 'install-engine: storage driver {{.Driver}}, cgroup v{{.CgroupVersion}}, {{.NCPU}} CPUs, kernel {{.KernelVersion}}'

# 5. The versions, written once for the README, the pages and the reports.
node .ci/record-versions.mjs "$VERSIONS_FILE" "$ENGINE_CACHE"

#!/usr/bin/env bash
# System packages the tests need, installed only when missing (root, Debian 12):
# Debian's chromium for Playwright (it cannot download its own browser here), a CJK font so
# Chinese pages render in screenshots, contrast checks and the PDFs, ping for the network-namespace
# lab (examples/netns-veth), poppler-utils to read the PDFs back (tests/pdf), then the Docker engine.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
for pkg in fonts-noto-cjk iputils-ping poppler-utils; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ $EUID -ne 0 ]]; then
    echo "install-system: ERROR: ${missing[*]} missing; run as root or: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "install-system: installing ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[[ -x /usr/bin/chromium ]] || { echo "install-system: ERROR: no /usr/bin/chromium after installing it" >&2; exit 1; }
echo "install-system: $(/usr/bin/chromium --version 2>/dev/null)"

bash .ci/install-engine.sh

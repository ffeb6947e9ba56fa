#!/usr/bin/env bash
# System packages the tests need, installed only when missing (root, Debian 12):
# Debian's chromium for Playwright (it cannot download its own browser here), a CJK font so
# Chinese pages render in screenshots, contrast checks and the PDFs, ping for the network-namespace
# lab (examples/netns-veth), poppler-utils to read the PDFs back (tests/pdf), QEMU's static
# user-mode emulators with binfmt-support (arm64 programs run through the kernel's binfmt handler:
# the multi-platform transcript session and its arm64 stand-in), then the Docker engine.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
for pkg in fonts-noto-cjk iputils-ping poppler-utils qemu-user-static binfmt-support; do
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

# The aarch64 handler (flag F: the kernel keeps the emulator open, so it works inside containers
# too). Without systemd nothing registers it at boot: mount binfmt_misc and enable it here.
binfmt=/proc/sys/fs/binfmt_misc
if [[ ! -e $binfmt/qemu-aarch64 ]]; then
  [[ $EUID -eq 0 ]] || { echo "install-system: ERROR: no binfmt handler for aarch64; run as root to register it" >&2; exit 1; }
  mountpoint -q "$binfmt" || mount -t binfmt_misc binfmt_misc "$binfmt"
  update-binfmts --enable qemu-aarch64
fi
grep -qx enabled "$binfmt/qemu-aarch64" || { echo "install-system: ERROR: the binfmt handler qemu-aarch64 is not enabled" >&2; exit 1; }

bash .ci/install-engine.sh

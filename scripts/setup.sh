#!/usr/bin/env bash
# Installs what ModelDsl needs on a fresh machine and does nothing when it is all there.
#
# TorchSharp-cpu 0.107.0's native library (libLibTorchSharp.so) needs libstdc++ with
# GLIBCXX_3.4.32 (GCC 13 or newer). Debian 12 ships GLIBCXX_3.4.30, so on Debian 12 this
# script adds Debian 13 ("trixie") as a second suite pinned at priority 100 (never chosen
# unless asked for) and installs only libstdc++6 from it. debian.sources is not touched.
set -euo pipefail

need_symbol=GLIBCXX_3.4.32

has_symbol() {
  local lib
  for lib in /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib/aarch64-linux-gnu/libstdc++.so.6 /usr/lib64/libstdc++.so.6; do
    if [ -e "$lib" ] && grep -qa "$need_symbol" "$lib"; then
      return 0
    fi
  done
  return 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET SDK is missing. Install the .NET 10 SDK (https://dot.net) and run this again." >&2
  exit 1
fi

if has_symbol; then
  exit 0
fi

. /etc/os-release
if [ "${ID:-}" != "debian" ] || [ "${VERSION_ID:-}" != "12" ]; then
  echo "setup: libstdc++ lacks $need_symbol, which TorchSharp-cpu 0.107.0 needs." >&2
  echo "setup: install libstdc++ from GCC 13 or newer with your distribution's package manager and run this again." >&2
  exit 1
fi

mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
mirror=${mirror:-http://deb.debian.org/debian}

echo "setup: installing libstdc++6 from Debian 13 (trixie) for TorchSharp ($need_symbol)"
as_root tee /etc/apt/sources.list.d/modeldsl-trixie.sources >/dev/null <<SOURCES
Types: deb
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
as_root tee /etc/apt/preferences.d/modeldsl-trixie.pref >/dev/null <<PREFS
Package: *
Pin: release n=trixie
Pin-Priority: 100
PREFS
as_root apt-get update -q
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q -t trixie libstdc++6

if ! has_symbol; then
  echo "setup: libstdc++6 from trixie was installed but $need_symbol is still missing." >&2
  exit 1
fi

#!/usr/bin/env bash
# Sets up a Debian 12 machine for Sitroom (idempotent), then builds and either
# starts the app on its built-in demo (--run) or runs the whole test suite (--test).
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

packages=(
  # build
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libshumate-dev
  libsoup-3.0-dev libjson-glib-dev libsqlite3-dev libsecret-1-dev glib-networking
  # tests: a display, fonts for Chinese, the data-file validators, the fuzzer
  xvfb xauth fonts-noto-cjk locales desktop-file-utils appstream flatpak-builder
  # the wall display under a real Wayland compositor; text out of exported PDFs
  weston poppler-utils systemd
  clang libclang-rt-14-dev
  # the feed tests: TLS certificates made at test time, a caching proxy
  openssl nginx-light
  # benchmarks and screenshots
  jq hyperfine imagemagick wrk
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The Chinese interface needs its locale.
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
  as_root sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
  grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' | as_root tee -a /etc/locale.gen >/dev/null
  as_root locale-gen >/dev/null
fi

build() {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
  ninja -C "$dir"
}

case "${1:-}" in
  --run)
    build _build
    export GSETTINGS_SCHEMA_DIR="$top/_build/data"
    export SITROOM_LOCALEDIR="$top/_build/po"
    exec ./_build/src/sitroom "${@:2}"
    ;;
  --test)
    exec tools/run-tests.sh
    ;;
  "")
    echo "setup: done"
    ;;
  *)
    echo "usage: tools/setup.sh [--run [SITROOM OPTIONS] | --test]" >&2
    exit 2
    ;;
esac

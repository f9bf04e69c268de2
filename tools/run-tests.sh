#!/usr/bin/env bash
# The whole test suite: a --werror build with every suite (widget tests under
# Xvfb), then the suites that need no display again under ASan and UBSan.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

setup_dir() {
  local dir=$1; shift
  rm -rf "$dir"
  meson setup "$dir" --werror "$@"
  ninja -C "$dir"
}

setup_dir _build-test
meson test -C _build-test --print-errorlogs --num-processes 2 --no-suite ui
# The widget tests one at a time: those that run together share one display,
# where one test's windows send crossing and motion events to another's.
xvfb-run -a -s "-screen 0 1920x1080x24" \
  meson test -C _build-test --print-errorlogs --num-processes 1 --suite ui

setup_dir _build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dgui_tests=false
meson test -C _build-asan --print-errorlogs --num-processes 2 --suite core --suite render --suite feed --suite cli

#!/bin/bash
# Runs the map's benchmarks (the renderer alone, and frames of the real map widget) and prints a markdown report.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: bench/run-map-benchmarks.sh [BUILD_DIR]   (default _build; build it
# first, preferably with --buildtype=release). Builds nothing itself.
#   SITROOM_BENCH_FRAMES   frames per case and round in the window (default 300)
#   SITROOM_BENCH_ROUNDS   rounds in the window, alternating the cases (default 3)
#
# The window runs under xvfb-run with GSK_RENDERER=cairo; nothing touches the
# network. Progress goes to standard error, the report to standard output.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:-_build}
case "$build" in
  /*) ;;
  *) [ -d "$build" ] || build="$here/../$build" ;;
esac
build=$(cd "$build" && pwd)

frames=${SITROOM_BENCH_FRAMES:-300}
rounds=${SITROOM_BENCH_ROUNDS:-3}
render="$build/bench/bench-map-render"
window="$build/bench/bench-map-frames"

for exe in "$render" "$window"; do
  if [ ! -x "$exe" ]; then
    echo "run-map-benchmarks: $exe is missing: build $build first (ninja -C $build)" >&2
    exit 1
  fi
done
if ! command -v xvfb-run >/dev/null; then
  echo "run-map-benchmarks: xvfb-run is needed (apt-get install xvfb)" >&2
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitroom-map-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

field() {
  awk -v key="$1:" '$1 == key { print $2 }' "$2"
}

echo "The renderer alone, panning at 1920×1080..." >&2
timeout 900 "$render" --frames 200 >"$tmp/render.md"

echo "The map widget under Xvfb: $rounds rounds of $frames frames, tiles only and with our layer..." >&2
GSK_RENDERER=cairo NO_AT_BRIDGE=1 timeout 900 xvfb-run -a -s "-screen 0 1920x1080x24" \
  "$window" --frames "$frames" --rounds "$rounds" >"$tmp/window.txt"

ratio=$(field p95_ratio "$tmp/window.txt")
verdict=$(awk -v v="$ratio" 'BEGIN { print (v <= 1.5) ? "met" : "missed" }')
buildtype=$(meson introspect --buildoptions "$build" 2>/dev/null \
  | python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "buildtype"))' \
  2>/dev/null || echo unknown)

echo "## Map benchmarks, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "### The map widget, panning with every layer, against the same map with tiles only"
echo
echo "| measure | value | target |"
echo "| --- | ---: | --- |"
echo "| frame, tiles only (libshumate, no layer of ours), median / p95 ms | $(field baseline_median_ms "$tmp/window.txt") / $(field baseline_p95_ms "$tmp/window.txt") | |"
echo "| frame, with our map layer, median / p95 ms | $(field ours_median_ms "$tmp/window.txt") / $(field ours_p95_ms "$tmp/window.txt") | |"
echo "| p95 with ours / p95 tiles only | $ratio | ≤ 1.5: $verdict |"
echo "| window, frames per case and round, rounds | $(field size "$tmp/window.txt"), $frames, $rounds | |"
echo "| machine | $(nproc) CPUs, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo) | |"
echo "| build | $buildtype | release |"
echo
echo "### The renderer alone"
echo
cat "$tmp/render.md"

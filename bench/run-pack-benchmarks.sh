#!/bin/bash
# Runs the briefing pack's benchmarks (the PDF of the demo and of 100 000 synthetic cases, in the library and through sitroom --export) and prints a markdown report.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: bench/run-pack-benchmarks.sh [BUILD_DIR]   (default _build)
#   A BUILD_DIR that does not exist yet is set up with --buildtype=release;
#   either way the programs the benchmarks need are built in it first.
#   SITROOM_BENCH_ROUNDS   rounds of each case (default 7)
#   SITROOM_BENCH_CASES    cases of the synthetic document (default 100000)
#
# Targets: the demo's whole PDF in at most 1 s, the synthetic one in at most
# 5 s, judged on `sitroom --export FILE.pdf` from start to exit (reading
# and checking the document included). Each figure is a median over the
# rounds, beside a baseline measured in the same run: the map alone on one
# page, drawn and written the same way. Nothing touches the network.
# Progress goes to standard error, the report to standard output.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/.." && pwd)
build=${1:-_build}
case "$build" in
  /*) ;;
  *) build="$source_dir/$build" ;;
esac

rounds=${SITROOM_BENCH_ROUNDS:-7}
cases=${SITROOM_BENCH_CASES:-100000}

if [ ! -d "$build" ]; then
  echo "Setting up a release build in $build..." >&2
  meson setup --buildtype=release "$build" "$source_dir" >&2
fi
build=$(cd "$build" && pwd)
echo "Building in $build..." >&2
ninja -C "$build" src/sitroom bench/bench-pack bench/sitroom-gen >&2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitroom-pack-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The median of the numbers on standard input, one a line.
median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Milliseconds that `sitroom ARGS…` takes from start to exit, once a round.
time_cli() {
  local label=$1
  shift
  for ((i = 0; i < rounds; i++)); do
    local t0 t1
    t0=$(date +%s%N)
    env -u DISPLAY -u WAYLAND_DISPLAY LC_ALL=C.UTF-8 "$build/src/sitroom" "$@" >/dev/null
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000))
  done >"$tmp/$label.times"
  median <"$tmp/$label.times"
}

echo "The library: $rounds rounds of each document..." >&2
"$build/bench/bench-pack" --rounds "$rounds" --cases "$cases" --gen "$build/bench/sitroom-gen" >"$tmp/library.md"

echo "Writing the synthetic document ($cases cases)..." >&2
"$build/bench/sitroom-gen" --cases "$cases" --seed 1 --output "$tmp/synthetic.json"

echo "sitroom --export, $rounds rounds of each..." >&2
demo_pdf=$(time_cli demo-pdf --export "$tmp/demo.pdf" --lang zh)
demo_map=$(time_cli demo-map --export "$tmp/demo-map.svg" --view map --lang zh)
big_pdf=$(time_cli big-pdf --export "$tmp/big.pdf" --feed "$tmp/synthetic.json" --lang zh)
big_map=$(time_cli big-map --export "$tmp/big-map.svg" --view map --feed "$tmp/synthetic.json" --lang zh)
big_summary=$(time_cli big-summary --summary --format json --feed "$tmp/synthetic.json")
demo_pages=$(grep -c "^" <(strings "$tmp/demo.pdf" | grep -E "/Type /Page$|/Type /Page[^s]") || true)
big_pages=$(grep -c "^" <(strings "$tmp/big.pdf" | grep -E "/Type /Page$|/Type /Page[^s]") || true)

verdict() {
  awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "met" : "missed" }'
}
buildtype=$(meson introspect --buildoptions "$build" 2>/dev/null \
  | python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "buildtype"))' \
  2>/dev/null || echo unknown)

echo "## Briefing pack benchmarks, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "### sitroom --export, start to exit"
echo
echo "| command | median ms | target |"
echo "| --- | ---: | --- |"
echo "| \`--export demo.pdf\` ($demo_pages pages) | $demo_pdf | ≤ 1000: $(verdict "$demo_pdf" 1000) |"
echo "| \`--export map.svg --view map\` (baseline) | $demo_map | |"
echo "| \`--export big.pdf --feed synthetic.json\` ($cases cases, $big_pages pages) | $big_pdf | ≤ 5000: $(verdict "$big_pdf" 5000) |"
echo "| \`--export map.svg --view map --feed synthetic.json\` (baseline) | $big_map | |"
echo "| \`--summary --format json --feed synthetic.json\` (reading the document) | $big_summary | |"
echo
echo "### The library alone (bench-pack)"
echo
echo "The document read once; then, $rounds rounds each, the pack laid out and"
echo "written as a PDF, and the map alone on one A4 page drawn and written"
echo "the same way."
echo
cat "$tmp/library.md"
echo
echo "| | |"
echo "| --- | --- |"
echo "| rounds | $rounds |"
echo "| machine | $(nproc) CPUs, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) |"
echo "| build | $buildtype |"
echo "| command | \`bench/run-pack-benchmarks.sh $(basename "$build")\` |"

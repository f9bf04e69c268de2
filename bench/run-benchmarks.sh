#!/bin/bash
# Runs the load and view benchmarks on a generated 100 000-case document and prints a markdown report.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: bench/run-benchmarks.sh [BUILD_DIR]   (default _build; build it first,
# preferably with --buildtype=release). Builds nothing itself.
# SITROOM_BENCH_CASES and SITROOM_BENCH_CHAINS change the size of the document.
#
# Machines are shared and noisy, so every figure that has a target is a median
# taken in this run, and the load is judged against jq measured in the same run.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:-_build}
case "$build" in
  /*) ;;
  *) [ -d "$build" ] || build="$here/../$build" ;;
esac
build=$(cd "$build" && pwd)

cases=${SITROOM_BENCH_CASES:-100000}
chains=${SITROOM_BENCH_CHAINS:-50}
runs=7

gen="$build/bench/sitroom-gen"
load="$build/bench/bench-load"
view="$build/bench/bench-view"

for exe in "$gen" "$load" "$view"; do
  if [ ! -x "$exe" ]; then
    echo "run-benchmarks: $exe is missing: build $build first (ninja -C $build)" >&2
    exit 1
  fi
done
for tool in hyperfine jq awk; do
  if ! command -v "$tool" >/dev/null; then
    echo "run-benchmarks: $tool is needed (apt-get install $tool)" >&2
    exit 1
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitroom-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
doc="$tmp/situation.json"

# "key: value" lines from the bench programs.
field() {
  awk -v key="$1:" '$1 == key { print $2 }' "$2"
}

echo "Generating $cases cases in $chains chains..." >&2
"$gen" --cases "$cases" --chains "$chains" --seed 1 --output "$doc"
file_bytes=$(stat -c %s "$doc")

# One load in a fresh process, so that the peak resident memory is that load's,
# the file's bytes in memory included.
echo "Measuring the peak memory of one load..." >&2
"$load" --once "$doc" >"$tmp/once.txt"
peak_kib=$(field peak_rss_kib "$tmp/once.txt")
problems=$(field problems "$tmp/once.txt")

# The baseline and the load, timed the same way in the same run: each a whole
# process that reads the file and goes through all of it.
echo "Timing jq and the load with hyperfine..." >&2
hyperfine --style basic --warmup 1 --runs "$runs" \
  --export-json "$tmp/hyperfine.json" \
  -n jq "jq -c . '$doc' >/dev/null" \
  -n load "'$load' --once '$doc' >/dev/null" >&2
jq_ms=$(jq '.results[] | select(.command == "jq") | .median * 1000' "$tmp/hyperfine.json")
load_ms=$(jq '.results[] | select(.command == "load") | .median * 1000' "$tmp/hyperfine.json")

# Parse, validate and index alone, from memory, without starting a process.
echo "Timing the load in process..." >&2
"$load" --runs "$runs" "$doc" >"$tmp/load.txt"
inproc_median=$(field median_ms "$tmp/load.txt")
inproc_min=$(field min_ms "$tmp/load.txt")

echo "Timing views..." >&2
"$view" --runs "$runs" "$doc" >"$tmp/view.txt"
view_worst=$(field worst_median_ms "$tmp/view.txt")

cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
buildtype=$(jq -r '.[] | select(.name == "buildtype") | .value' \
  "$build/meson-info/intro-buildoptions.json" 2>/dev/null || echo unknown)

verdict() {
  # verdict VALUE LIMIT: whether VALUE is at most LIMIT.
  awk -v v="$1" -v l="$2" 'BEGIN { print (v <= l) ? "met" : "missed" }'
}

ratio=$(awk -v a="$load_ms" -v b="$jq_ms" 'BEGIN { printf "%.2f", a / b }')
mem_ratio=$(awk -v k="$peak_kib" -v s="$file_bytes" 'BEGIN { printf "%.2f", k * 1024 / s }')

echo
echo "## Sitroom benchmarks, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| measure | value | target |"
echo "| --- | ---: | --- |"
printf '| jq -c . FILE, median ms (baseline) | %.1f | |\n' "$jq_ms"
printf '| load (parse + validate + index), whole process, median ms | %.1f | |\n' "$load_ms"
printf '| load / jq | %s | ≤ 1.0: %s |\n' "$ratio" "$(verdict "$ratio" 1.0)"
printf '| load in process, median ms (min) | %s (%s) | |\n' "$inproc_median" "$inproc_min"
printf '| peak memory of one load, MiB | %.1f | |\n' "$(awk -v k="$peak_kib" 'BEGIN { print k / 1024 }')"
printf '| peak memory / file size | %s | ≤ 4: %s |\n' "$mem_ratio" "$(verdict "$mem_ratio" 4)"
printf '| slowest view, median ms | %s | ≤ 20: %s |\n' "$view_worst" "$(verdict "$view_worst" 20)"
printf '| file | %.1f MiB, %s cases, %s chains, %s problems | |\n' \
  "$(awk -v s="$file_bytes" 'BEGIN { print s / 1048576 }')" "$cases" "$chains" "$problems"
printf '| machine | %s CPUs, %s | |\n' "$(nproc)" "$cpu"
printf '| build | %s (%s) | release |\n' "$buildtype" "$build"
echo
echo "Views, $runs runs each:"
echo
grep '^|' "$tmp/view.txt"

#!/bin/bash
# Runs the wall display's benchmarks (CPU while idle, memory over a day of publications) and prints a markdown report.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: bench/run-kiosk-benchmarks.sh [BUILD_DIR]   (default _build)
#   A BUILD_DIR that does not exist yet is set up with --buildtype=release;
#   either way the programs the benchmarks need are built in it first.
#   SITROOM_BENCH_SECONDS        seconds measured per case and round, idle (default 60)
#   SITROOM_BENCH_ROUNDS         rounds, idle (default 3)
#   SITROOM_BENCH_PUBLICATIONS   publications, soak (default 2880: a day at one every 30 s)
#   SITROOM_BENCH_WARMUP         publications before the first measure, soak (default 500)
#
# Both run under xvfb-run (1920×1080) with GSK_RENDERER=cairo and without a
# session bus, so the application runs unregistered (as the widget tests do)
# and never meets the session of whoever runs this. Nothing leaves the
# machine: the soak's feed is on 127.0.0.1.
# Progress goes to standard error, the report to standard output.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/.." && pwd)
build=${1:-_build}
case "$build" in
  /*) ;;
  *) build="$source_dir/$build" ;;
esac

seconds=${SITROOM_BENCH_SECONDS:-60}
rounds=${SITROOM_BENCH_ROUNDS:-3}
publications=${SITROOM_BENCH_PUBLICATIONS:-2880}
warmup=${SITROOM_BENCH_WARMUP:-500}
document="$source_dir/data/demo/shanxi-2022-08-20.json"

if ! command -v xvfb-run >/dev/null; then
  echo "run-kiosk-benchmarks: xvfb-run is needed (apt-get install xvfb)" >&2
  exit 1
fi
if [ ! -d "$build" ]; then
  echo "Setting up a release build in $build..." >&2
  meson setup --buildtype=release "$build" "$source_dir" >&2
fi
build=$(cd "$build" && pwd)
echo "Building in $build..." >&2
ninja -C "$build" src/sitroom src/sitroom-feed bench/bench-kiosk-idle bench/bench-kiosk-soak \
  data/gschemas.compiled >&2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitroom-kiosk-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

field() {
  awk -v key="$1:" '$1 == key { sub(/^[^:]*: /, ""); print; exit }' "$2"
}

# The display the two programs start the application on. A bus address that
# leads nowhere, rather than none, keeps GLib from starting a bus of its own.
under_display() {
  env GSK_RENDERER=cairo GDK_BACKEND=x11 NO_AT_BRIDGE=1 GTK_A11Y=none LC_ALL=C.UTF-8 \
    DBUS_SESSION_BUS_ADDRESS="unix:path=$tmp/no-bus" \
    SITROOM_EXE="$build/src/sitroom" SITROOM_FEED_EXE="$build/src/sitroom-feed" \
    GSETTINGS_SCHEMA_DIR="$build/data" \
    xvfb-run -a -s "-screen 0 1920x1080x24" "$@"
}

idle_command="bench-kiosk-idle --document data/demo/shanxi-2022-08-20.json --seconds $seconds --rounds $rounds"
echo "Idle CPU: $rounds rounds of $seconds s, the wall display and the ordinary window..." >&2
under_display timeout $((rounds * 2 * (seconds + 120) + 60)) \
  "$build/bench/bench-kiosk-idle" --document "$document" --seconds "$seconds" --rounds "$rounds" \
  >"$tmp/idle.txt"

soak_command="bench-kiosk-soak --document data/demo/shanxi-2022-08-20.json --publications $publications --warmup $warmup"
echo "Soak: $publications publications through sitroom-feed..." >&2
under_display timeout 4000 \
  "$build/bench/bench-kiosk-soak" --document "$document" --publications "$publications" --warmup "$warmup" \
  >"$tmp/soak.txt"

idle=$(field kiosk_median_percent "$tmp/idle.txt")
growth=$(field growth_mb "$tmp/soak.txt")
idle_verdict=$(awk -v v="$idle" 'BEGIN { print (v < 0.5) ? "met" : "missed" }')
soak_verdict=$(awk -v v="$growth" 'BEGIN { print (v <= 5) ? "met" : "missed" }')
buildtype=$(meson introspect --buildoptions "$build" 2>/dev/null \
  | python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "buildtype"))' \
  2>/dev/null || echo unknown)

echo "## Wall display benchmarks, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "### CPU while nothing changes ($(field kiosk_args "$tmp/idle.txt"), the demo from a file)"
echo
echo "| measure | value | target |"
echo "| --- | ---: | --- |"
echo "| wall display, median of $rounds rounds of $seconds s, % of one core (one clock tick: $(field resolution_percent "$tmp/idle.txt")) | $idle | < 0.5: $idle_verdict |"
echo "| wall display, highest round, % | $(field kiosk_max_percent "$tmp/idle.txt") | |"
echo "| ordinary window on its overview (baseline), median, % | $(field baseline_median_percent "$tmp/idle.txt") | |"
echo "| wall display / baseline | $(field ratio "$tmp/idle.txt") | |"
echo "| context switches a second, wall display / baseline | $(field kiosk_switches_per_second "$tmp/idle.txt") / $(field baseline_switches_per_second "$tmp/idle.txt") | |"
echo
echo "### Memory over a day of publications ($(field kiosk_args "$tmp/soak.txt"), through sitroom-feed's event stream)"
echo
echo "| measure | value | target |"
echo "| --- | ---: | --- |"
echo "| publications taken (a story of $(field steps_per_story "$tmp/soak.txt") steps, over and over), of them warm-up | $(field publications "$tmp/soak.txt"), $(field warmup "$tmp/soak.txt") | |"
echo "| VmRSS after warm-up / at the end (medians of $(field samples "$tmp/soak.txt" | sed 's/.*, //')), KiB | $(field rss_warm_kib "$tmp/soak.txt") / $(field rss_end_kib "$tmp/soak.txt") | |"
echo "| the same samples' range, after warm-up / at the end, KiB | $(field rss_warm_range_kib "$tmp/soak.txt") / $(field rss_end_range_kib "$tmp/soak.txt") | |"
echo "| every sample after warm-up ($(field samples "$tmp/soak.txt" | sed 's/,.*//')), range, KiB | $(field rss_range_after_warmup_kib "$tmp/soak.txt") | |"
echo "| growth after warm-up, MB | $growth | ≤ 5: $soak_verdict |"
echo "| growth of anonymous memory (RssAnon), KiB | $(field anon_growth_kib "$tmp/soak.txt") | |"
echo "| VmRSS after the first document / peak, KiB | $(field rss_first_kib "$tmp/soak.txt") / $(field peak_rss_kib "$tmp/soak.txt") | |"
echo "| publication to taken, median / p95 / max ms | $(field taken_median_ms "$tmp/soak.txt") / $(field taken_p95_ms "$tmp/soak.txt") / $(field taken_max_ms "$tmp/soak.txt") | |"
echo "| publications a second, run time s | $(field publications_per_second "$tmp/soak.txt"), $(field seconds "$tmp/soak.txt") | |"
echo
echo "| run | |"
echo "| --- | --- |"
echo "| machine | $(nproc) CPUs, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) |"
echo "| system | $(. /etc/os-release && echo "$PRETTY_NAME"), GTK $(pkg-config --modversion gtk4 2>/dev/null || echo '?'), libadwaita $(pkg-config --modversion libadwaita-1 2>/dev/null || echo '?') |"
echo "| build | $buildtype |"
echo "| commands | \`$idle_command\`; \`$soak_command\` |"

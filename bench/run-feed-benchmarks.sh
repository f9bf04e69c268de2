#!/bin/bash
# Runs the live feed's benchmarks (stream latency, conditional GETs against nginx, client memory) and prints a markdown report.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: bench/run-feed-benchmarks.sh [BUILD_DIR]   (default _build; build it
# first, preferably with --buildtype=release). Builds nothing itself.
#   SITROOM_BENCH_PUBLICATIONS  publications timed for the latency (default 50)
#   SITROOM_BENCH_WRK_SECONDS   length of one wrk run (default 10)
#   SITROOM_BENCH_WRK_ROUNDS    wrk runs on each server, alternating (default 3)
#   SITROOM_BENCH_CYCLES        client poll cycles for the memory (default 10000)
#
# Every server it starts listens on 127.0.0.1 only, and every run is bounded in
# time. Progress goes to standard error, the report to standard output.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:-_build}
case "$build" in
  /*) ;;
  *) [ -d "$build" ] || build="$here/../$build" ;;
esac
build=$(cd "$build" && pwd)

publications=${SITROOM_BENCH_PUBLICATIONS:-50}
wrk_seconds=${SITROOM_BENCH_WRK_SECONDS:-10}
wrk_rounds=${SITROOM_BENCH_WRK_ROUNDS:-3}
cycles=${SITROOM_BENCH_CYCLES:-10000}
warmup=500
wrk_threads=2
wrk_connections=32

feed="$build/src/sitroom-feed"
gen="$build/bench/sitroom-gen"
latency="$build/bench/bench-feed-latency"
memory="$build/bench/bench-client-memory"
demo="$here/../data/demo/shanxi-2022-08-20.json"

for exe in "$feed" "$gen" "$latency" "$memory"; do
  if [ ! -x "$exe" ]; then
    echo "run-feed-benchmarks: $exe is missing: build $build first (ninja -C $build)" >&2
    exit 1
  fi
done
for tool in wrk nginx curl awk timeout; do
  if ! command -v "$tool" >/dev/null; then
    echo "run-feed-benchmarks: $tool is needed (apt-get install wrk nginx-light curl)" >&2
    exit 1
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitroom-feed-bench.XXXXXX")
feed_pid=
nginx_pid=
cleanup() {
  # Only the processes this script started, by their id.
  [ -z "$feed_pid" ] || kill "$feed_pid" 2>/dev/null || true
  [ -z "$nginx_pid" ] || kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

doc="$tmp/situation.json"
cp "$demo" "$doc"
doc_bytes=$(stat -c %s "$doc")

# "key: value" lines from the bench programs.
field() {
  awk -v key="$1:" '$1 == key { print $2 }' "$2"
}

verdict_at_most() {
  awk -v v="$1" -v l="$2" 'BEGIN { print (v <= l) ? "met" : "missed" }'
}

verdict_at_least() {
  awk -v v="$1" -v l="$2" 'BEGIN { print (v >= l) ? "met" : "missed" }'
}

median() {
  sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# --- 1. Publish to swapped, through the event stream ------------------------

echo "Timing $publications publications from PUT to the client's swap (demo document)..." >&2
timeout 300 "$latency" --server "$feed" --document "$doc" --count "$publications" >"$tmp/latency.txt"

# The same with a larger document, for the record: more to validate, store,
# send and parse on every publication.
big="$tmp/big.json"
"$gen" --cases 10000 --chains 20 --seed 1 --output "$big"
big_bytes=$(stat -c %s "$big")
echo "Timing $publications publications of a 10 000-case document..." >&2
timeout 300 "$latency" --server "$feed" --document "$big" --count "$publications" >"$tmp/latency-big.txt"

# --- 2. Conditional GETs: sitroom-feed against nginx ------------------------

# The first line sitroom-feed prints is its base URL.
first_line() {
  for _ in $(seq 100); do
    if [ -s "$1" ] && head -n 1 "$1" | grep -q '^http://127\.0\.0\.1:[0-9]*$'; then
      head -n 1 "$1"
      return 0
    fi
    sleep 0.1
  done
  return 1
}

etag_of() {
  curl -s --max-time 5 -o /dev/null -D - "$1" | awk -F': ' 'tolower($1) == "etag" { sub(/\r$/, "", $2); print $2 }'
}

status_with() {
  curl -s --max-time 5 -o /dev/null -w '%{http_code}' -H "If-None-Match: $2" "$1"
}

echo "Starting sitroom-feed and nginx on 127.0.0.1..." >&2
"$feed" --db "$tmp/feed.sqlite" --listen 127.0.0.1:0 --import "$doc" >"$tmp/feed.out" 2>"$tmp/feed.err" &
feed_pid=$!
if ! feed_base=$(first_line "$tmp/feed.out"); then
  echo "run-feed-benchmarks: sitroom-feed did not start:" >&2
  cat "$tmp/feed.err" >&2
  exit 1
fi
feed_url="$feed_base/v1/situation"

# nginx takes no port 0: try free-looking ports until one binds.
mkdir -p "$tmp/nginx"
nginx_url=
for _ in $(seq 20); do
  port=$((20000 + RANDOM % 40000))
  if ss -Htln 2>/dev/null | awk '{ print $4 }' | grep -q ":$port\$"; then
    continue
  fi
  cat >"$tmp/nginx/nginx.conf" <<EOF
master_process off;
daemon off;
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  server {
    listen 127.0.0.1:$port;
    location = /v1/situation {
      alias $doc;
      default_type application/json;
      etag on;
    }
  }
}
EOF
  nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log" 2>"$tmp/nginx/stderr.txt" &
  nginx_pid=$!
  for _ in $(seq 50); do
    if curl -s --max-time 1 -o /dev/null "http://127.0.0.1:$port/v1/situation"; then
      nginx_url="http://127.0.0.1:$port/v1/situation"
      break
    fi
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -z "$nginx_url" ] || break
  kill "$nginx_pid" 2>/dev/null || true
  wait "$nginx_pid" 2>/dev/null || true
  nginx_pid=
done
if [ -z "$nginx_url" ]; then
  echo "run-feed-benchmarks: nginx did not start:" >&2
  cat "$tmp/nginx/stderr.txt" "$tmp/nginx/error.log" >&2 2>/dev/null || true
  exit 1
fi

require_304() {
  local code
  code=$(status_with "$1" "$2")
  if [ "$code" != 304 ]; then
    echo "run-feed-benchmarks: $1 answers $code, not 304, to If-None-Match: $2" >&2
    exit 1
  fi
}

feed_etag=$(etag_of "$feed_url")
nginx_etag=$(etag_of "$nginx_url")
require_304 "$feed_url" "$feed_etag"
require_304 "$nginx_url" "$nginx_etag"

# wrk prints "Requests/sec: N"; any answer outside 2xx and 3xx, or any socket
# error, spoils the run.
run_wrk() {
  local name=$1 url=$2 etag=$3 out=$4
  timeout $((wrk_seconds + 30)) wrk -t "$wrk_threads" -c "$wrk_connections" -d "${wrk_seconds}s" \
    -H "If-None-Match: $etag" "$url" >"$out"
  if grep -q 'Non-2xx or 3xx\|Socket errors' "$out" || ! grep -q '^Requests/sec:' "$out"; then
    echo "run-feed-benchmarks: wrk on $name went wrong:" >&2
    cat "$out" >&2
    exit 1
  fi
  awk '$1 == "Requests/sec:" { print $2 }' "$out" >>"$tmp/rps-$name"
  echo "  round $round: $name $(tail -n 1 "$tmp/rps-$name") requests/s" >&2
}

echo "wrk: $wrk_rounds rounds of ${wrk_seconds} s on each server, alternating..." >&2
# One short run on each first, so that neither is measured cold.
timeout 30 wrk -t 1 -c 4 -d 1s -H "If-None-Match: $nginx_etag" "$nginx_url" >/dev/null
timeout 30 wrk -t 1 -c 4 -d 1s -H "If-None-Match: $feed_etag" "$feed_url" >/dev/null
: >"$tmp/rps-nginx"
: >"$tmp/rps-sitroom-feed"
for round in $(seq "$wrk_rounds"); do
  run_wrk nginx "$nginx_url" "$nginx_etag" "$tmp/wrk-nginx-$round.txt"
  run_wrk sitroom-feed "$feed_url" "$feed_etag" "$tmp/wrk-feed-$round.txt"
done
# Both still answer 304 after the load.
require_304 "$feed_url" "$feed_etag"
require_304 "$nginx_url" "$nginx_etag"
kill "$feed_pid" "$nginx_pid"
wait "$feed_pid" "$nginx_pid" 2>/dev/null || true
feed_pid=
nginx_pid=

nginx_rps=$(median <"$tmp/rps-nginx")
feed_rps=$(median <"$tmp/rps-sitroom-feed")
rps_ratio=$(awk -v a="$feed_rps" -v b="$nginx_rps" 'BEGIN { printf "%.2f", a / b }')

# --- 3. Client memory over many poll cycles ---------------------------------

echo "Polling $cycles times, 200 and 304 in turn..." >&2
timeout 900 "$memory" --document "$doc" --cycles "$cycles" --warmup "$warmup" --timeout 850 >"$tmp/memory.txt"
growth_kib=$(field growth_kib "$tmp/memory.txt")
growth_mib=$(awk -v k="$growth_kib" 'BEGIN { printf "%.2f", k / 1024 }')

# --- The report ---------------------------------------------------------------

cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
buildtype=$(jq -r '.[] | select(.name == "buildtype") | .value' \
  "$build/meson-info/intro-buildoptions.json" 2>/dev/null || echo unknown)
kib() {
  awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
}
median_ms=$(field median_ms "$tmp/latency.txt")

echo
echo "## Live feed benchmarks, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| measure | value | target |"
echo "| --- | ---: | --- |"
printf '| publish → swapped through the stream, demo document (%.1f KiB), median ms | %s | ≤ 200: %s |\n' \
  "$(kib "$doc_bytes")" "$median_ms" "$(verdict_at_most "$median_ms" 200)"
printf '| the same, p90 / max ms, of %s publications | %s / %s | |\n' \
  "$(field publications "$tmp/latency.txt")" "$(field p90_ms "$tmp/latency.txt")" "$(field max_ms "$tmp/latency.txt")"
printf '| PUT answered (validated, stored, synced), median ms | %s | |\n' "$(field put_median_ms "$tmp/latency.txt")"
printf '| publish → swapped, 10 000-case document (%.1f MiB), median / p90 / max ms | %s / %s / %s | |\n' \
  "$(awk -v s="$big_bytes" 'BEGIN { print s / 1048576 }')" "$(field median_ms "$tmp/latency-big.txt")" \
  "$(field p90_ms "$tmp/latency-big.txt")" "$(field max_ms "$tmp/latency-big.txt")"
printf '| conditional GET → 304, nginx (static file), requests/s | %.0f | |\n' "$nginx_rps"
printf '| conditional GET → 304, sitroom-feed, requests/s | %.0f | |\n' "$feed_rps"
printf '| sitroom-feed / nginx | %s | ≥ 0.5: %s |\n' "$rps_ratio" "$(verdict_at_least "$rps_ratio" 0.5)"
printf '| client RSS after %s / after %s cycles, KiB | %s / %s | |\n' "$warmup" "$(field cycles "$tmp/memory.txt")" \
  "$(field rss_warm_kib "$tmp/memory.txt")" "$(field rss_end_kib "$tmp/memory.txt")"
printf '| client RSS growth over those cycles, MiB | %s | ≤ 2: %s |\n' "$growth_mib" "$(verdict_at_most "$growth_mib" 2)"
printf '| poll cycles: 200 / 304 / failed, cycles per second | %s / %s / %s, %s | |\n' \
  "$(field server_ok "$tmp/memory.txt")" "$(field server_not_modified "$tmp/memory.txt")" \
  "$(field failures "$tmp/memory.txt")" "$(field cycles_per_second_after_warmup "$tmp/memory.txt")"
printf '| machine | %s CPUs, %s | |\n' "$(nproc)" "$cpu"
printf '| build | %s (%s) | release |\n' "$buildtype" "$build"
echo
echo "wrk -t$wrk_threads -c$wrk_connections -d${wrk_seconds}s -H 'If-None-Match: …', requests/s, round by round:"
echo
echo "| round | nginx | sitroom-feed |"
echo "| ---: | ---: | ---: |"
paste "$tmp/rps-nginx" "$tmp/rps-sitroom-feed" | awk '{ printf "| %d | %.0f | %.0f |\n", NR, $1, $2 }'

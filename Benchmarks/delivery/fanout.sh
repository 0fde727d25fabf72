#!/usr/bin/env bash
# Fan-out benchmark for forewarn's durable delivery (issue 5).
#  1. the loopback receiver's ceiling with wrk (POST of an envelope-sized body);
#  2. 100,000 notices stored (1,000 per transaction), then dispatched by the run loop through the SQLite outbox
#     over libcurl: deliveries/s over the dispatch span;
#  3. 10,000 notices submitted at 1,000/s (one batch per 10 ms tick) while dispatching: enqueue->2xx p50/p99.
# The driver is `delivery-bench` (Benchmarks/delivery/DeliveryBenchmark): the dispatcher, policies and store that
# `forewarn run` uses, without the daemon, so the release build needs only the Delivery target.
# Peak RSS of the driver process is read from /proc/PID/status (VmHWM).
# Usage: Benchmarks/delivery/fanout.sh [NOTICES] [CONCURRENCY]   (from the package root)
set -euo pipefail
notices=${1:-100000}
concurrency=${2:-16}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh" >&2; exit 1; }
swift build -c release --scratch-path "$root/.build-release" --product delivery-bench >/dev/null
bin="$root/.build-release/release/delivery-bench"
work=$(mktemp -d)
python3 "$here/bench_receiver.py" > "$work/port" &
receiver=$!
trap 'kill $receiver 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -q PORT "$work/port" 2>/dev/null && break; sleep 0.1; done
url="http://127.0.0.1:$(cut -d' ' -f2 "$work/port")/ok"
export FOREWARN_SOAK_SECRET=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw

echo "== receiver ceiling: wrk -t2 -c$concurrency -d10s --latency -s post.lua $url"
wrk -t2 -c"$concurrency" -d10s --latency -s "$here/post.lua" "$url" | grep -E "Requests/sec|50%|99%"

run() {  # run NAME ARGS...: runs delivery-bench, prints wall time and peak RSS, then the analysis
    local name=$1; shift
    local store="$work/$name.sqlite"
    local start end peak=0
    start=$(date +%s.%N)
    "$bin" --store "$store" --url "$url" --concurrency "$concurrency" "$@" > "$work/$name.out" &
    local pid=$!
    while kill -0 $pid 2>/dev/null; do
        local hwm
        hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status 2>/dev/null || echo 0)
        [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
        sleep 0.2
    done
    wait $pid
    end=$(date +%s.%N)
    echo "== $name: $(cat "$work/$name.out"); wall $(echo "$end - $start" | bc) s (store + dispatch); peak RSS $((peak / 1024)) MiB"
    python3 "$here/analyze.py" "$store"
}
echo "== load: $(uptime)"
run fanout --notices "$notices"
run paced --notices 10000 --rate 1000

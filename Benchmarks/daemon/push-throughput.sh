#!/usr/bin/env bash
# Benchmark: API push throughput (POST /api/v1/signals/calls_per_hour) of the release daemon with wrk.
# usage: Benchmarks/daemon/push-throughput.sh [DURATION]   (needs wrk: scripts/install-deps.sh installs it)
set -euo pipefail
duration=${1:-10s}
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${FOREWARN_RELEASE_SCRATCH:-$root/.build-release}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
bash "$root/scripts/build-release.sh" "$scratch" >&2  # the build the install path uses
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
export WRK_TOKEN=bench-token-0123456789
FOREWARN_API_TOKEN=$WRK_TOKEN "$scratch/release/forewarn" run --plans "$root/plans" --state "$work/state" \
    --listen 127.0.0.1:19553 >/dev/null 2>&1 &
for i in $(seq 1 100); do curl -fs http://127.0.0.1:19553/readyz >/dev/null && break; sleep 0.1; done
echo "== push (POST, token, JSON decode, SignalMonitor.accept)"
wrk -t2 -c10 -d"$duration" --latency -s "$root/Benchmarks/daemon/push.lua" http://127.0.0.1:19553/api/v1/signals/calls_per_hour
echo "== /healthz (the loopback HTTP ceiling of the same server)"
wrk -t2 -c10 -d"$duration" --latency http://127.0.0.1:19553/healthz

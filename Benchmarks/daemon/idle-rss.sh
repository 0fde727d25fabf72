#!/usr/bin/env bash
# Benchmark: idle RSS of the release `forewarn run` on the example plans, beside Debian's
# prometheus-alertmanager measured the same way (start, wait SETTLE seconds, read VmRSS from /proc).
# usage: Benchmarks/daemon/idle-rss.sh [SETTLE_SECONDS]   (needs: apt-get install prometheus-alertmanager)
set -euo pipefail
settle=${1:-15}
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${FOREWARN_RELEASE_SCRATCH:-$root/.build-release}
# The build the install path uses (docs/daemon.md): Swift runtime and Foundation linked in statically.
swift build -c release --static-swift-stdlib --product forewarn --package-path "$root" --scratch-path "$scratch" >&2
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
rss() { awk '/^VmRSS/ {printf "%.1f MiB", $2/1024}' "/proc/$1/status"; }

FOREWARN_API_TOKEN=bench-token-0123456789 "$scratch/release/forewarn" run --plans "$root/plans" \
    --state "$work/state" --listen 127.0.0.1:19551 >/dev/null 2>&1 &
fw=$!
am=""
if command -v prometheus-alertmanager >/dev/null; then
    printf 'route:\n  receiver: none\nreceivers:\n  - name: none\n' > "$work/alertmanager.yml"
    prometheus-alertmanager --config.file="$work/alertmanager.yml" --storage.path="$work/am" \
        --web.listen-address=127.0.0.1:19552 --cluster.listen-address= >/dev/null 2>&1 &
    am=$!
else
    echo "prometheus-alertmanager is not installed: only forewarn is measured" >&2
fi
sleep "$settle"
echo "forewarn run (example plans), idle ${settle}s: $(rss $fw)"
[ -n "$am" ] && echo "prometheus-alertmanager (empty route), idle ${settle}s: $(rss $am)"
true

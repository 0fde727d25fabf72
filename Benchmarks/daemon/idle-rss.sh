#!/usr/bin/env bash
# Benchmark: idle RSS of the release `forewarn run` on the example plans, beside Debian's
# prometheus-alertmanager measured the same way (both started together, wait SETTLE seconds, read VmRSS and its
# RssAnon/RssFile split from /proc/PID/status and Pss from /proc/PID/smaps_rollup), RUNS times.
# usage: Benchmarks/daemon/idle-rss.sh [SETTLE_SECONDS] [RUNS]   (needs: apt-get install prometheus-alertmanager)
# IDLE_RSS_COLD=1 drops the page cache before each run (root), as after a boot: on kernels that map whole large
# page-cache folios (6.18 here) a warm cache makes the result depend on how the binary file was written.
set -euo pipefail
settle=${1:-15}
runs=${2:-1}
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${FOREWARN_RELEASE_SCRATCH:-$root/.build-release}
bash "$root/scripts/build-release.sh" "$scratch" >&2  # the build the install path uses
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
rss() {
    awk '/^(VmRSS|RssAnon|RssFile):/ {v[$1] = $2 / 1024}
        END {printf "VmRSS %.1f MiB (anon %.1f, file %.1f)", v["VmRSS:"], v["RssAnon:"], v["RssFile:"]}' \
        "/proc/$1/status"
    awk '/^Pss:/ {printf ", Pss %.1f MiB", $2 / 1024}' "/proc/$1/smaps_rollup"
}
command -v prometheus-alertmanager >/dev/null ||
    echo "prometheus-alertmanager is not installed: only forewarn is measured" >&2
printf 'route:\n  receiver: none\nreceivers:\n  - name: none\n' > "$work/alertmanager.yml"
for run in $(seq "$runs"); do
    if [ "${IDLE_RSS_COLD:-0}" = 1 ]; then sync && echo 3 > /proc/sys/vm/drop_caches; fi
    FOREWARN_API_TOKEN=bench-token-0123456789 "$scratch/release/forewarn" run --plans "$root/plans" \
        --state "$work/state-$run" --listen 127.0.0.1:19551 >/dev/null 2>&1 &
    fw=$!
    am=""
    if command -v prometheus-alertmanager >/dev/null; then
        prometheus-alertmanager --config.file="$work/alertmanager.yml" --storage.path="$work/am-$run" \
            --web.listen-address=127.0.0.1:19552 --cluster.listen-address= >/dev/null 2>&1 &
        am=$!
    fi
    sleep "$settle"
    echo "run $run: forewarn run (example plans), idle ${settle}s: $(rss $fw)"
    [ -n "$am" ] && echo "run $run: prometheus-alertmanager (empty route), idle ${settle}s: $(rss $am)"
    kill $fw $am
    wait $fw $am 2>/dev/null || true
done

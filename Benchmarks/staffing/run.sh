#!/usr/bin/env bash
# Staffing benchmark: time to compute required agents at 1,000 to 20,000 Erlangs (Erlang C and A), and the
# wall time of one `forewarn staffing` run at 5,000 Erlangs. One release build, then a few seconds of runs.
# It reads no data set.
#
# usage: Benchmarks/staffing/run.sh [--no-build]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
scratch="$repo/.build-release"
if [ "${1:-}" != "--no-build" ]; then
    swift build -c release --package-path "$repo" --scratch-path "$scratch" --product StaffingBenchmark >&2
    swift build -c release --package-path "$repo" --scratch-path "$scratch" --product forewarn >&2
fi
bin="$(swift build -c release --package-path "$repo" --scratch-path "$scratch" --show-bin-path)"
"$bin/StaffingBenchmark"
echo
# 5,000 Erlangs: 50,000 calls per 30 minutes at 180 s.
for patience in "" "--patience 5m"; do
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    "$bin/forewarn" staffing --volume 50000 --per 30m --handle-time 180s --target "80% in 20s" \
        --shrinkage 30% $patience --format json >/dev/null
    end=$(date +%s%N)
    echo "forewarn staffing at 5,000 Erlangs ${patience:-(Erlang C)}: $(( (end - start) / 1000000 )) ms wall, process start included"
done

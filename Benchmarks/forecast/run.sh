#!/usr/bin/env bash
# Forecast benchmarks: accuracy (MASE) of `forewarn forecast` on the NAB series, and the cost of the
# online update and memory per signal (ForecastBenchmark). One release build, then seconds of runs.
#
# usage: Benchmarks/forecast/run.sh [--no-build]
# data:  $FOREWARN_DATA (default: ../shared/data next to the repository), NAB subset under nab/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
data="${FOREWARN_DATA:-$repo/../shared/data}"
nab="$data/nab"
if [ ! -f "$nab/realKnownCause/nyc_taxi.csv" ]; then
    echo "forecast benchmark: data missing: $nab/realKnownCause/nyc_taxi.csv not found." >&2
    echo "Set FOREWARN_DATA to a directory holding the NAB subset (nab/realKnownCause, nab/realAWSCloudwatch)." >&2
    exit 2
fi
scratch="$repo/.build-release"
if [ "${1:-}" != "--no-build" ]; then
    swift build -c release --package-path "$repo" --scratch-path "$scratch" --product forewarn >&2
    swift build -c release --package-path "$repo" --scratch-path "$scratch" --product ForecastBenchmark >&2
fi
bin="$(swift build -c release --package-path "$repo" --scratch-path "$scratch" --show-bin-path)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# series | train until | reference season (for the scorer's seasonal naive / same-slot columns)
series=(
    "realKnownCause/nyc_taxi.csv|2014-09-30T23:30:00|7d"
    "realKnownCause/cpu_utilization_asg_misconfiguration.csv|2014-05-21T01:09:00|1d"
    "realAWSCloudwatch/elb_request_count_8c0756.csv|2014-04-13T00:04:00|1d"
    "realAWSCloudwatch/rds_cpu_utilization_cc0c53.csv|2014-02-17T14:30:00|1d"
)
echo "| series | setting | rows | MASE | 80 % coverage | seasonal naive | same slot, 3 seasons | replay wall |"
echo "|---|---|---|---|---|---|---|---|"
for entry in "${series[@]}"; do
    IFS='|' read -r path until reference <<<"$entry"
    trace="$nab/$path"
    name="$(basename "$path" .csv)"
    for setting in "2h ahead|--every 30m --horizon 2h|--lead 2h" "day ahead|--every 1d --horizon 1d|"; do
        IFS='|' read -r label flags lead <<<"$setting"
        start=$(date +%s.%N)
        # shellcheck disable=SC2086
        "$bin/forewarn" forecast --csv "$trace" --train-until "$until" $flags --format csv >"$out/f.csv"
        wall=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f} s')" "$start" "$(date +%s.%N)")
        # shellcheck disable=SC2086
        python3 "$here/score.py" --trace "$trace" --forecasts "$out/f.csv" --train-until "$until" \
            --reference-season "$reference" $lead --json >"$out/s.json"
        python3 - "$out/s.json" "$name" "$label" "$wall" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"| {sys.argv[2]} | {sys.argv[3]} | {r['rows']} | {r['mase']:.3f} | {r['coverage']:.2f} | "
      f"{r['mase_seasonal_naive']:.3f} | {r['mase_same_slot_3']:.3f} | {sys.argv[4]} |")
PY
    done
done
echo
"$bin/ForecastBenchmark"

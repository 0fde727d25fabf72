#!/usr/bin/env bash
# The lead-time benchmark: every NAB series of ../shared/data/nab at the harness's P95 and P99 capacity,
# forewarn (leadtime-plan.sh) scored by ../shared/bench/leadtime.py --warnings. Needs python3 with numpy,
# pandas and statsmodels (set PYTHON to such an interpreter). Writes the matched-cost tables to OUT (default
# .build-release/leadtime) and prints them.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=${FOREWARN_SHARED:-$repo/../shared}
harness=$shared/bench/leadtime.py
data=${FOREWARN_DATA:-$shared/data}/nab
python=${PYTHON:-python3}
out=${OUT:-$repo/.build-release/leadtime}
if [ ! -f "$harness" ] || [ ! -d "$data" ]; then
    echo "$0: the harness ($harness) or the NAB data ($data) is missing; set FOREWARN_SHARED / FOREWARN_DATA" >&2
    exit 1
fi
mkdir -p "$out"
for csv in "$data"/realKnownCause/nyc_taxi.csv "$data"/realKnownCause/cpu_utilization_asg_misconfiguration.csv \
    "$data"/realAWSCloudwatch/elb_request_count_8c0756.csv "$data"/realAWSCloudwatch/rds_cpu_utilization_cc0c53.csv; do
    name=$(basename "$csv" .csv)
    "$python" "$harness" --csv "$csv" --print-thresholds > "$out/$name-thresholds.json"
    for q in 0.95 0.99; do
        threshold=$("$python" -c "import json,sys; print(json.load(open(sys.argv[1]))['thresholds'][sys.argv[2]])" \
            "$out/$name-thresholds.json" "$q")
        start=$(date +%s.%N)
        "$here/leadtime-plan.sh" "$csv" "$threshold" above > "$out/$name-$q-firing.json"
        wall=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$start" "$(date +%s.%N)")
        echo "## $name q=$q (C=$threshold; simulate + plan: $wall s)"
        "$python" "$harness" --csv "$csv" --warnings "$out/$name-$q-firing.json" --md "$out/$name-$q.md" \
            --json "$out/$name-$q.json" > /dev/null
        sed -n '/^| rule/,/^beats_all_peers/p' "$out/$name-$q.md"
        echo
    done
done

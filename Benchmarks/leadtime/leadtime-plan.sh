#!/usr/bin/env bash
# Lead-time benchmark driver: one forecast plan for one signal, replayed by `forewarn simulate`.
#
#   leadtime-plan.sh TRACE.csv THRESHOLD above|below > firing.json
#
# Writes a plan directory (a push signal fed by the trace, a forecast trigger with capacity THRESHOLD and a
# 2-hour warning horizon) into a temp directory, simulates the whole trace and prints
# {"name", "threshold", "firing": [[start, end], ...]} for ../shared/bench/leadtime.py --warnings.
# Uses `forewarn` on PATH when there is one, else builds it (release, into .build-release).
# Tuning knobs (defaults are the settings reported in docs/engine.md): LEADTIME_CONFIDENCE, LEADTIME_FOR.
set -euo pipefail

if [ $# -ne 3 ] || { [ "$3" != above ] && [ "$3" != below ]; }; then
    echo "usage: $0 TRACE.csv THRESHOLD above|below > firing.json" >&2
    exit 2
fi
trace=$1 threshold=$2 direction=$3
[ -r "$trace" ] || { echo "$0: cannot read trace '$trace'" >&2; exit 1; }
confidence=${LEADTIME_CONFIDENCE:-0.5}
debounce=${LEADTIME_FOR:-30m}

here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
repo=$(cd "$here/../.." && pwd)
if command -v forewarn >/dev/null 2>&1; then
    forewarn=$(command -v forewarn)
else
    (cd "$repo" && swift build -c release --product forewarn --scratch-path .build-release >&2)
    forewarn="$repo/.build-release/release/forewarn"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/definitions.yaml" <<YAML
signals:
  load:
    kind: push
    interval: 1h
    stale_after: 1d
receivers:
  bench-webhook:
    kind: webhook
    url: http://127.0.0.1:9/bench
audiences:
  on-call:
    kind: staff
    recipients:
      - { id: bench-owner, name: Bench, address: bench@example.invalid, locale: en }
policies:
  locales: [en]
  default_locale: en
  tick: 5m
YAML
cat > "$work/capacity.yaml" <<YAML
plan: capacity
title: Load $direction capacity
owner: bench-owner
timezone: UTC
foresee:
  forecast: { signal: load, $direction: $threshold, within: 2h, confidence: $confidence, for: $debounce }
actions:
  - notify: on-call
    via: bench-webhook
    before: [2h]
    on_cancel: true
    message:
      en: "Load forecast $direction {{capacity}} at {{onset_time}} ({{lead}})."
    cancel_message:
      en: "All clear: the load forecast is back within {{capacity}}."
YAML

read -r first last < <(python3 - "$trace" <<'PY'
import csv, sys
from datetime import datetime, timezone
def iso(text):
    text = text.strip().replace(" ", "T")
    t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if t.tzinfo is None: t = t.replace(tzinfo=timezone.utc)
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
rows = [r for r in csv.reader(open(sys.argv[1])) if r and r[0] != "timestamp"]
print(iso(rows[0][0]), iso(rows[-1][0]))
PY
)

"$forewarn" simulate --plans "$work" --from "$first" --to "$last" --signal "load=$trace" --format json > "$work/out.json"
python3 - "$work/out.json" "$threshold" <<'PY'
import json, sys
out = json.load(open(sys.argv[1]))
print(json.dumps({"name": "forewarn", "threshold": float(sys.argv[2]),
                  "firing": out["plans"]["capacity"]["firing"]}, indent=1))
PY

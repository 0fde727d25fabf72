#!/usr/bin/env python3
"""Scores `forewarn forecast --format csv` output against its trace (standard library only).

MASE = mean |actual - forecast| over the scored rows / scale, where the scale is the in-sample mean
absolute error of the seasonal naive forecast with period --scale-season (default 1 day) on the
training part (every training time t whose t - season is also a training time).
With --lead, only rows whose target is exactly that far after their origin are scored.
For a sanity check the same rows are also scored for two reference forecasts computed here from the
trace: the seasonal naive and the mean of the same slot over the last 3 seasons (season
--reference-season, default 7d; each uses only seasons known at the origin).

usage: score.py --trace TRACE.csv --forecasts OUT.csv --train-until T [--lead 2h] [--scale-season 1d]
"""
import argparse, csv, json, sys
from datetime import datetime, timezone, timedelta

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def seconds(text):
    return float(text[:-1]) * UNITS[text[-1]]


def instant(text):
    text = text.strip().replace(" ", "T")
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    t = datetime.fromisoformat(text)
    if t.tzinfo is None:
        t = t.replace(tzinfo=timezone.utc)
    return int(round(t.timestamp()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trace", required=True)
    ap.add_argument("--forecasts", required=True)
    ap.add_argument("--train-until", required=True)
    ap.add_argument("--lead")
    ap.add_argument("--scale-season", default="1d")
    ap.add_argument("--reference-season", default="7d", help="season of the two reference forecasts")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    series = {}
    with open(a.trace) as f:
        for row in csv.DictReader(f):
            series[instant(row["timestamp"])] = float(row["value"])
    train_end = instant(a.train_until)
    m = int(seconds(a.scale_season))
    diffs = [abs(v - series[t - m]) for t, v in series.items() if t <= train_end and (t - m) in series]
    if not diffs:
        sys.exit("score.py: the training part is shorter than one scale season")
    scale = sum(diffs) / len(diffs)
    lead = int(seconds(a.lead)) if a.lead else None
    week = int(seconds(a.reference_season))

    def reference(origin, target, weeks):
        k = -(-(target - origin) // week)  # first whole week back that is known at the origin
        values = [series.get(target - j * week) for j in range(k, k + weeks)]
        values = [v for v in values if v is not None]
        return sum(values) / len(values) if values else None

    errors, naive, slot3, covered = [], [], [], 0
    with open(a.forecasts) as f:
        for row in csv.DictReader(f):
            origin, target = instant(row["origin"]), instant(row["target"])
            if lead is not None and target - origin != lead:
                continue
            actual = series[target]
            errors.append(abs(actual - float(row["forecast"])))
            covered += float(row["lower"]) <= actual <= float(row["upper"])
            for out, weeks in ((naive, 1), (slot3, 3)):
                ref = reference(origin, target, weeks)
                out.append(abs(actual - ref) if ref is not None else abs(actual - float(row["forecast"])))
    if not errors:
        sys.exit("score.py: no rows to score (check --lead and the forecast file)")
    result = dict(rows=len(errors), scale=round(scale, 3), mase=round(sum(errors) / len(errors) / scale, 4),
                  coverage=round(covered / len(errors), 4),
                  mase_seasonal_naive=round(sum(naive) / len(naive) / scale, 4),
                  mase_same_slot_3=round(sum(slot3) / len(slot3) / scale, 4))
    if a.json:
        print(json.dumps(result))
    else:
        print(" ".join(f"{k}={v}" for k, v in result.items()))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""One line per series and quantile from run.sh's output directories (the leadtime.py JSON files):
forewarn's proactive recall, median lead and false warnings per day, the best peer at a false-warning rate
no higher than forewarn's, and whether forewarn beats it strictly ("tie" when equal and non-zero).

    summary.py OUT [OUT ...]      # e.g. .build-release/leadtime, or two directories to compare a change
"""
import json
import os
import sys

SERIES = ["nyc_taxi", "cpu_utilization_asg_misconfiguration", "elb_request_count_8c0756",
          "rds_cpu_utilization_cc0c53"]


def lead(seconds):
    return f"{int(seconds // 3600)}h{int(seconds % 3600 // 60):02d}m" if seconds else "–"


def row(path):
    result = json.load(open(path))
    own = result["external"]
    peers = [p for p in result["peers"] if p.get("feasible")]
    best = max(peers, key=lambda p: p["proactive"] or 0) if peers else None
    best_text = f"{best['proactive']}/{own['breaches']} ({best['rule']}, k={best['k']})" if best else "–"
    if best and own["proactive"] > best["proactive"]:
        verdict = "yes"
    elif best and own["proactive"] == best["proactive"] and own["proactive"] > 0:
        verdict = "tie"
    else:
        verdict = "no"
    return (f"{own['proactive']}/{own['breaches']} | {lead(own['lead_median_s'])} | {own['false_per_day']} | "
            f"{best_text} | {verdict}")


def main(directories):
    if not directories:
        sys.exit(__doc__)
    print("| series | q | run | forewarn proactive | lead median | false/day | best peer at that cost | beats |")
    print("|---|---|---|---|---|---|---|---|")
    for name in SERIES:
        for q in ("0.95", "0.99"):
            for directory in directories:
                path = os.path.join(directory, f"{name}-{q}.json")
                text = row(path) if os.path.exists(path) else "missing | | | |"
                print(f"| {name} | {q} | {os.path.basename(directory.rstrip('/'))} | {text} |")


if __name__ == "__main__":
    main(sys.argv[1:])

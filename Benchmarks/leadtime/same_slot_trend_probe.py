#!/usr/bin/env python3
"""Offline probe of a candidate forecast component: the linear trend of the same slot over the last K seasons.

For every target instant T within the 2-hour horizon of an evaluation instant, the values at T - k*season
(k = 1..K) are fitted by least squares against k and extrapolated to k = 0 (a climbing periodic peak
continues to climb; a flat one stays flat).  --monotone keeps only strictly climbing slots.  A warning
fires, as the benchmark plan does, once the extrapolation over the next 2 hours has reached the capacity
(>= C) for 30 minutes on a 5-minute tick, and ends after 30 minutes without.  The probe scores forewarn's
own firing (from Benchmarks/leadtime/run.sh's OUT directory) alone and united with the component's, with
../shared/bench/leadtime.py at matched false-warning cost, so one sees whether the component would pay
for its false warnings before building it into the forecaster.

  same_slot_trend_probe.py OUT_DIR K [--monotone]       (needs numpy and pandas; reads ../shared)
"""
import argparse
import contextlib
import io
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("FOREWARN_SHARED", os.path.join(HERE, "..", "..", "..", "shared"))
DATA = os.path.join(os.environ.get("FOREWARN_DATA", os.path.join(SHARED, "data")), "nab")
# series, the forecaster's season there (weekly on the half-hourly nyc_taxi, daily on the 5-minute ones)
SERIES = [("realKnownCause/nyc_taxi.csv", 7 * 86400), ("realKnownCause/cpu_utilization_asg_misconfiguration.csv", 86400),
          ("realAWSCloudwatch/elb_request_count_8c0756.csv", 86400),
          ("realAWSCloudwatch/rds_cpu_utilization_cc0c53.csv", 86400)]


def trend_max(t, y, season, k_seasons, monotone, horizon=7200.0):
    """Per sample: the largest same-slot extrapolation over the next `horizon` (NaN when not computable)."""
    step = float(np.median(np.diff(t)))
    m, hs = int(round(season / step)), int(round(horizon / step))
    slot = np.round((t - t[0]) / step).astype(int)
    grid = np.full(slot[-1] + 1, np.nan)
    grid[slot] = y
    n = len(grid)
    ks = np.arange(1, k_seasons + 1)
    centred = ks - ks.mean()
    targets = np.arange(n + hs)
    past = np.stack([np.where(targets - k * m >= 0, grid[np.clip(targets - k * m, 0, n - 1)], np.nan) for k in ks])
    slope = (centred[:, None] * past).sum(axis=0) / (centred * centred).sum()
    ext = past.mean(axis=0) - slope * ks.mean()
    if monotone:
        ext[~np.all(np.diff(past, axis=0) < 0, axis=0)] = np.nan
    out = np.full(len(t), np.nan)
    for j, s in enumerate(slot):
        window = ext[s + 1:s + hs + 1]
        if np.isfinite(window).any():
            out[j] = np.nanmax(window)
    return out


def firing(t, value, capacity, debounce=1800.0, tick=300.0):
    """Firing intervals of `value >= capacity` held for `debounce`, cancelled after `debounce` without."""
    ticks = np.arange(t[0], t[-1] + 1, tick)
    v = value[np.searchsorted(t, ticks, side="right") - 1]
    cond = np.isfinite(v) & (np.nan_to_num(v, nan=-np.inf) >= capacity)
    out, on, since, off, start = [], False, None, None, None
    for tt, c in zip(ticks, cond):
        if not on:
            since = (since if since is not None else tt) if c else None
            if c and tt - since >= debounce:
                on, start, off = True, tt, None
        elif c:
            off = None
        else:
            off = off if off is not None else tt
            if tt - off >= debounce:
                out.append([float(start), float(tt)])
                on, since = False, None
    if on:
        out.append([float(start), None])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir")
    ap.add_argument("k", type=int)
    ap.add_argument("--monotone", action="store_true")
    a = ap.parse_args()
    if not os.path.isfile(os.path.join(SHARED, "bench", "leadtime.py")) or not os.path.isdir(DATA):
        sys.exit(f"{sys.argv[0]}: the harness or the NAB data under {SHARED} is missing; set FOREWARN_SHARED")
    sys.path.insert(0, os.path.join(SHARED, "bench"))
    import leadtime as L

    for rel, season in SERIES:
        name = os.path.basename(rel)[:-4]
        t, y = L.load_series(os.path.join(DATA, rel))
        signal = trend_max(t, y, season, a.k, a.monotone)
        signal[t < t[0] + 7 * 86400] = np.nan  # the simulator trains after 7 days
        for q in (0.95, 0.99):
            path = os.path.join(a.out_dir, f"{name}-{q}-firing.json")
            if not os.path.isfile(path):
                sys.exit(f"{path} is missing: run Benchmarks/leadtime/run.sh with OUT={a.out_dir} first")
            own = L.load_external(path)
            capacity = own["threshold"]
            mine = firing(t, signal, capacity)
            both = [[float(s), None if not np.isfinite(e) else float(e)] for s, e in own["intervals"]] + mine
            for label, intervals in (("forewarn", None), (f"forewarn + trend K={a.k}", both)):
                ext = own if intervals is None else L.load_external({"firing": intervals, "threshold": capacity})
                with contextlib.redirect_stdout(io.StringIO()):
                    r = L.run_series(os.path.join(DATA, rel), q, [], warmup="7D", season="1D", threshold=capacity,
                                     data=(t, y), external=ext, quiet=True)
                e, mc = r["external"], r["matched_cost"]
                best = max(p["proactive"] or 0 for p in mc["peers"])
                print(f"{name} q={q} {label}: {e['proactive']}/{e['breaches']} lead {L.fmt_dur(e['lead_median_s'])} "
                      f"false/day {e['false_per_day']} | best peer at that cost {best} | "
                      f"strictly beats {e['proactive'] > best and mc['lead_median_ge_30m']}")


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Benchmark: time from exec to READY=1 of the release `forewarn run` with N generated plan files (default 1,000).
# The plans are generated as in Benchmarks/plans/load-plans.sh (the example plans, renamed N times).
# usage: Benchmarks/daemon/time-to-ready.sh [N]
set -euo pipefail
count=${1:-1000}
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${FOREWARN_RELEASE_SCRATCH:-$root/.build-release}
bash "$root/scripts/build-release.sh" "$scratch" >&2  # the build the install path uses
bin="$scratch/release/forewarn"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r "$root/plans/." "$work/"
rm "$work"/{cyberday,power-outage,holiday-hours,checkout-surge}.yaml
python3 - "$root/plans" "$work" "$count" <<'PY'
import sys, pathlib
src, dst, n = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
templates = [(p.stem, p.read_text()) for p in sorted(src.glob("*.yaml")) if "\nplan:" in "\n" + p.read_text()]
for i in range(n):
    stem, text = templates[i % len(templates)]
    out = [f"plan: {stem}-{i:05d}" if l.startswith("plan:") else l for l in text.splitlines()]
    (dst / f"{stem}-{i:05d}.yaml").write_text("\n".join(out) + "\n")
PY
echo "plans: $(ls "$work"/*.yaml | wc -l) YAML files ($count plans)" >&2
python3 "$root/Benchmarks/daemon/time-to-ready.py" "$bin" "$work" 5

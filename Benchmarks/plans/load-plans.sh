#!/usr/bin/env bash
# Benchmark: load and validate N generated plan files (default 1,000) with a release build of forewarn.
# Prints wall time and peak RSS of `forewarn check` (GNU time), best of 5 runs.
# Usage: Benchmarks/plans/load-plans.sh [N]
set -euo pipefail
count=${1:-1000}
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${FOREWARN_RELEASE_SCRATCH:-$root/.build-release}
swift build -c release --product forewarn --package-path "$root" --scratch-path "$scratch" >&2
bin="$scratch/release/forewarn"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/plans/." "$work/"
rm "$work"/{cyberday,power-outage,holiday-hours,checkout-surge}.yaml
python3 - "$root/plans" "$work" "$count" <<'PY'
import sys, pathlib
src, dst, n = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
templates = [(p.stem, p.read_text()) for p in sorted(src.glob("*.yaml"))
             if p.read_text().lstrip().startswith(("plan:", "#")) and "\nplan:" in "\n" + p.read_text()]
for i in range(n):
    stem, text = templates[i % len(templates)]
    lines = text.splitlines()
    out = [f"plan: {stem}-{i:05d}" if l.startswith("plan:") else l for l in lines]
    (dst / f"{stem}-{i:05d}.yaml").write_text("\n".join(out) + "\n")
PY
echo "plans: $(ls "$work"/*.yaml | wc -l) YAML files ($count plans) in $work" >&2
best=""
for run in 1 2 3 4 5; do
    /usr/bin/time -f "%e s wall, %M KiB peak RSS" -o "$work/.time" "$bin" check --plans "$work" >/dev/null 2>&1 || true
    result=$(cat "$work/.time")
    echo "run $run: $result" >&2
    secs=${result%% s*}
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < ${best%% s*})}"; then best=$result; fi
done
"$bin" check --plans "$work" 2>&1 >/dev/null | tail -1 >&2
echo "forewarn check on $count plans: best of 5: $best"

#!/bin/sh
# Benchmark: `forewarn calendar expand` on a synthetic .ics (release build, one run per size).
# Usage: [FROM=DATE TO=DATE] Benchmarks/calendars/run.sh [N...]
# (from the repository root; default sizes 1000 10000, default window January 2026)
set -eu
cd "$(dirname "$0")/../.."
swift build -c release --product forewarn --scratch-path .build-release >/dev/null
bin=.build-release/release/forewarn
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in ${*:-1000 10000}; do
    python3 Benchmarks/calendars/make_big_ics.py "$n" > "$work/big.ics"
    size=$(wc -c < "$work/big.ics")
    start=$(date +%s.%N)
    lines=$(/usr/bin/time -f "%M" -o "$work/rss" "$bin" calendar expand --ics "$work/big.ics" \
        --from "${FROM:-2026-01-01}" --to "${TO:-2026-02-01}" | wc -l)
    end=$(date +%s.%N)
    printf 'window=%s..%s events=%s bytes=%s occurrences=%s seconds=%.3f max_rss_kib=%s\n' \
        "${FROM:-2026-01-01}" "${TO:-2026-02-01}" "$n" "$size" "$lines" "$(echo "$end - $start" | bc)" "$(cat "$work/rss")"
done

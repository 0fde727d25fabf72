#!/usr/bin/env bash
# The release build as installed (docs/daemon.md), in one place for scripts/run-daemon.sh and the daemon
# benchmarks: the Swift runtime and Foundation linked in statically (less to load and map), one section per
# function, and the functions laid out for a small resident set (docs/daemon.md, "Memory"):
#   1. the functions `forewarn run` executes from exec through idle first (Benchmarks/daemon/startup-order.txt),
#   2. then every other named function of the package's own objects,
# so the compiler's unnamed local functions (closure contexts' destroyers, `.L__unnamed_N`: no ordering file can
# name them, ~200 KiB in all) are left to the end, packed together, instead of one in every 64 KiB of code, each
# costing a 64 KiB fault-around. The full list depends on the objects, so it is derived after the build and the
# binary relinked when it changed (a few seconds; nothing is recompiled).
# usage: scripts/build-release.sh [SCRATCH_PATH]   (default: the package's .build; the binary is in SCRATCH/release)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(realpath -m "${1:-$root/.build}")
order="$scratch/forewarn-symbol-order.txt"
build() {
    FOREWARN_SYMBOL_ORDER="$order" swift build -c release --static-swift-stdlib \
        -Xswiftc -Xfrontend -Xswiftc -function-sections --product forewarn --package-path "$root" \
        --scratch-path "$scratch"
}
mkdir -p "$scratch"
[ -s "$order" ] || cp "$root/Benchmarks/daemon/startup-order.txt" "$order"
build
objects="$scratch/release/forewarn.product/Objects.LinkFileList"
[ -s "$objects" ] || { echo "build-release.sh: $objects is missing; the link order stays the start-up list" >&2; exit 0; }
{
    cat "$root/Benchmarks/daemon/startup-order.txt"
    tr -d "'" < "$objects" | xargs -d '\n' nm --defined-only 2>/dev/null | awk 'NF == 3 && $2 ~ /^[tTwW]$/ { print $3 }' ||
        true  # a shorter list only costs memory
} | awk '!seen[$0]++' > "$order.new"
if cmp -s "$order.new" "$order"; then
    rm "$order.new"
else
    mv "$order.new" "$order"
    rm -f "$scratch/release/forewarn"  # relink with the new order
    build
fi

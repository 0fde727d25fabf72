#!/usr/bin/env bash
# The release build as installed (docs/daemon.md), in one place for scripts/run-daemon.sh and the daemon
# benchmarks: the Swift runtime and Foundation linked in statically (less to load and map), one section per
# function (so the start-up ordering in Package.swift can gather them: less code resident).
# usage: scripts/build-release.sh [SCRATCH_PATH]   (default: the package's .build; the binary is in SCRATCH/release)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
swift build -c release --static-swift-stdlib -Xswiftc -Xfrontend -Xswiftc -function-sections --product forewarn \
    --package-path "$root" ${1:+--scratch-path "$1"}

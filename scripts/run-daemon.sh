#!/usr/bin/env bash
# The main job: installs the system packages, builds forewarn and runs the daemon on the example plans in
# plans/ with its embedded store in ./.forewarn (no other server needed). Stop it with Ctrl-C or SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --build-only
# As installed (docs/daemon.md): the Swift runtime and Foundation linked in statically (less to load and map), one
# section per function (so the start-up ordering in Package.swift can gather them: less code resident).
swift build -c release --static-swift-stdlib -Xswiftc -Xfrontend -Xswiftc -function-sections --product forewarn
exec .build/release/forewarn run --plans plans --state .forewarn "$@"

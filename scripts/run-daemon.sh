#!/usr/bin/env bash
# The main job: installs the system packages, builds forewarn and runs the daemon on the example plans in
# plans/ with its embedded store in ./.forewarn (no other server needed). Stop it with Ctrl-C or SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --build-only
bash scripts/build-release.sh  # as installed (docs/daemon.md)
exec .build/release/forewarn run --plans plans --state .forewarn "$@"

#!/usr/bin/env bash
# The test command: installs what the tests need on a fresh Debian 12 machine, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build --build-tests
swift test --skip-build
# The real unit under a real systemd 252 in a throw-away nspawn container (needs root; about 10 s).
if [ "$(id -u)" -eq 0 ]; then
    sh scripts/systemd-container-test.sh .build/debug/forewarn
else
    echo "scripts/systemd-container-test.sh skipped: it needs root (systemd-nspawn)" >&2
fi
# The API against openapi.yaml with Schemathesis (installed into .build/schemathesis-venv on first use).
bash scripts/api-fuzz.sh

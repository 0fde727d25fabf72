#!/usr/bin/env bash
# The test command: installs what the tests need on a fresh Debian 12 machine, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build --build-tests
swift test --skip-build
# The API against openapi.yaml with Schemathesis (installed into .build/schemathesis-venv on first use).
bash scripts/api-fuzz.sh

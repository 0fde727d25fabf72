#!/usr/bin/env bash
# Fuzzes the daemon's HTTP API against openapi.yaml with Schemathesis (PyPI): every documented operation,
# schema-valid and schema-violating requests, undeclared methods, stateful sequences (list notices → replay).
# Starts `forewarn run` on the DaemonTests wiring plans in a temporary directory on a free loopback port,
# runs Schemathesis with a fixed seed, stops the daemon by PID. Exit status: Schemathesis' (0 = no failure).
# usage: scripts/api-fuzz.sh [BINARY] [MAX_EXAMPLES]   (BINARY defaults to .build/debug/forewarn)
# Schemathesis is installed once into a virtualenv under the build directory (.build/schemathesis-venv).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/forewarn}
examples=${2:-50}
version=4.32.5
[ -x "$binary" ] || { echo "api-fuzz: $binary is missing: build first (swift build --product forewarn)" >&2; exit 2; }
venv=.build/schemathesis-venv
if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "$version"; then
    python3 -m venv "$venv" || { echo "api-fuzz: python3 -m venv failed (apt-get install python3-venv)" >&2; exit 2; }
    "$venv/bin/pip" install -q "schemathesis==$version"
fi

work=$(mktemp -d)
pid=""
cleanup() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
cp -r Tests/DaemonTests/Fixtures/wiring-plans "$work/plans"
sed -i 's/RECEIVER_PORT/9/' "$work/plans/receivers.yaml"   # the discard port: notices fail, nothing leaves
mkdir "$work/credentials"
printf 'whsec_QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB' > "$work/credentials/hook-secret"
token="fuzz-token-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
CREDENTIALS_DIRECTORY="$work/credentials" FOREWARN_API_TOKEN="$token" \
    "$binary" run --plans "$work/plans" --state "$work/state" --listen "127.0.0.1:$port" 2> "$work/daemon.log" &
pid=$!
for _ in $(seq 1 150); do
    curl -fsS "http://127.0.0.1:$port/readyz" > /dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { echo "api-fuzz: the daemon exited:" >&2; cat "$work/daemon.log" >&2; exit 1; }
    sleep 0.2
done
status=0
root=$(pwd)
# Run inside the temporary directory: Schemathesis keeps its example database in ./.schemathesis.
(cd "$work" && "$root/$venv/bin/schemathesis" --config-file "$root/scripts/schemathesis.toml" \
    run "$root/openapi.yaml" --url "http://127.0.0.1:$port" -H "Authorization: Bearer $token" \
    --checks all --max-examples "$examples" --seed 20261123 --workers 1) || status=$?
if grep -q "Fatal\|critical" "$work/daemon.log"; then echo "api-fuzz: the daemon logged:" >&2; cat "$work/daemon.log" >&2; status=1; fi
kill -0 "$pid" 2>/dev/null || { echo "api-fuzz: the daemon died during the run" >&2; status=1; }
exit "$status"

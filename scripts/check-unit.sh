#!/bin/sh
# Checks systemd/forewarn.service the way issue 7 asks (and that systemd/forewarn.socket verifies too):
#   systemd-analyze verify --man=no  must print nothing on stderr, and
#   systemd-analyze security --offline=yes  must score an exposure of at most 1.5.
# usage: scripts/check-unit.sh [BINARY]   (BINARY defaults to .build/debug/forewarn)
# When /usr/local/bin/forewarn (the unit's ExecStart path) is missing, a temporary copy of the unit points at
# BINARY instead, so verify finds an executable; the hardening checked is the same.
set -eu
cd "$(dirname "$0")/.."
unit=systemd/forewarn.service
binary=${1:-.build/debug/forewarn}
command -v systemd-analyze >/dev/null || { echo "systemd-analyze is missing (apt-get install systemd)" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
if [ -x /usr/local/bin/forewarn ]; then
    cp "$unit" "$work/forewarn.service"
else
    [ -x "$binary" ] || { echo "no /usr/local/bin/forewarn and no $binary: build first (swift build)" >&2; exit 2; }
    sed "s|/usr/local/bin/forewarn|$(realpath "$binary")|g" "$unit" > "$work/forewarn.service"
fi
systemd-analyze verify --man=no "$work/forewarn.service" 2> "$work/verify.err" || {
    echo "verify failed:" >&2; cat "$work/verify.err" >&2; exit 1; }
if [ -s "$work/verify.err" ]; then echo "verify printed on stderr:" >&2; cat "$work/verify.err" >&2; exit 1; fi
echo "verify: clean"
cp systemd/forewarn.socket "$work/forewarn.socket"
systemd-analyze verify --man=no "$work/forewarn.socket" 2> "$work/socket.err" || {
    echo "verify of forewarn.socket failed:" >&2; cat "$work/socket.err" >&2; exit 1; }
if [ -s "$work/socket.err" ]; then echo "verify of forewarn.socket printed:" >&2; cat "$work/socket.err" >&2; exit 1; fi
echo "verify forewarn.socket: clean"
score=$(systemd-analyze security --offline=yes "$work/forewarn.service" 2>/dev/null | sed -n 's/.*Overall exposure level for .*: \([0-9.]*\).*/\1/p')
echo "security: exposure $score (limit 1.5)"
systemd-analyze security --offline=yes --threshold=15 "$work/forewarn.service" > /dev/null 2>&1 || {
    echo "exposure $score is above 1.5" >&2; exit 1; }

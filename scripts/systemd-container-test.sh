#!/bin/sh
# The real systemd/forewarn.service under a real systemd 252, in a throw-away container.
# Recipe: systemd-nspawn --volatile=yes over the host's /usr, in a private mount namespace and its own
# cgroup (after the team's shared nspawn notes); needs root and the Debian package systemd-container.
# It checks: start (Type=notify → active only after READY=1), the API answering, a reload with a broken
# plan (still active, the old plans live, the reload gauge at 0), the journal entry fields, stop → exit 0.
# usage: scripts/systemd-container-test.sh [BINARY]   (default .build/debug/forewarn)
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
binary=$(realpath "${1:-.build/debug/forewarn}")
# The Swift runtime the binary links (RPATH), bound read-only at the same path inside (not under /usr).
swiftlib=$(ldd "$binary" | sed -n 's|.*=> \(.*\)/libswiftCore.so.*|\1|p')
command -v systemd-nspawn >/dev/null || { echo "systemd-nspawn missing: apt-get install systemd-container" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "needs root (systemd-nspawn)" >&2; exit 2; }
[ -x "$binary" ] || { echo "no $binary: swift build first" >&2; exit 2; }
port=19441
token=container-test-token-0123456789
work=$root/.build-nspawn; rm -rf "$work"; mkdir -p "$work/units/forewarn.service.d" "$work/src"
# Units: the real unit, plus a drop-in that only points it at this build, the test plans and a test token.
cp systemd/forewarn.service "$work/units/"
cat > "$work/units/forewarn.service.d/test.conf" <<CONF
[Service]
ExecStartPre=
ExecStartPre=/opt/forewarn-src/forewarn check --plans /opt/forewarn-src/plans
ExecStart=
ExecStart=/opt/forewarn-src/forewarn run --plans /opt/forewarn-src/plans --listen 127.0.0.1:$port
LoadCredential=
LoadCredential=api-token:/opt/forewarn-src/api-token
CONF
ln -s forewarn-test.target "$work/units/default.target"
cat > "$work/units/forewarn-test.target" <<'CONF'
[Unit]
Description=forewarn container test
Requires=basic.target
After=basic.target
CONF
ln -s /dev/null "$work/units/systemd-firstboot.service"
cp "$binary" "$work/src/forewarn"
cp -r Tests/DaemonTests/Fixtures/plans "$work/src/plans"
printf '%s\n' "$token" > "$work/src/api-token"
chmod -R a+rX "$work/src"

CG=forewarn-ns
for h in systemd unified; do [ -d /sys/fs/cgroup/$h ] && mkdir -p /sys/fs/cgroup/$h/$CG; done
timeout 300 unshare --mount --propagation private sh -c "
  for h in systemd unified; do [ -d /sys/fs/cgroup/\$h/$CG ] && echo 0 > /sys/fs/cgroup/\$h/$CG/cgroup.procs; done
  mount -n -t tmpfs -o mode=755 tmpfs /run
  exec systemd-nspawn -D / --volatile=yes --register=no --keep-unit --console=pipe --machine=forewarntest \
       --bind-ro=$work/units:/etc/systemd/system --bind-ro=$work/src:/opt/forewarn-src ${swiftlib:+--bind-ro=$swiftlib} -b" \
  > "$work/console.log" 2>&1 < /dev/null &
launcher=$!
C=""
for i in $(seq 1 200); do
  NS=$(pgrep -P $launcher -x systemd-nspawn || true); [ -n "$NS" ] && C=$(pgrep -P $NS -x systemd || true)
  [ -n "$C" ] && break; sleep 0.05
done
[ -n "$C" ] || { echo "container did not start; see $work/console.log" >&2; exit 1; }
inside() { timeout 30 nsenter -t "$C" -m -p -u -i -- "$@"; }
cleanup() {
  kill -TERM "$NS" 2>/dev/null || true
  for i in $(seq 1 300); do kill -0 "$NS" 2>/dev/null || break; sleep 0.05; done
  kill -0 "$NS" 2>/dev/null && kill -TERM "$NS" 2>/dev/null
  for h in systemd unified; do find /sys/fs/cgroup/$h/$CG -mindepth 1 -depth -type d -exec rmdir {} \; 2>/dev/null; done
  true
}
trap cleanup EXIT
for i in $(seq 1 300); do
  st=$(inside systemctl is-system-running 2>/dev/null || true)
  case "$st" in running|degraded) break;; esac; sleep 0.1
done
fail() { echo "FAIL: $*" >&2; inside journalctl -u forewarn --no-pager | tail -30 >&2; exit 1; }

inside systemctl start forewarn.service || fail "start"
[ "$(inside systemctl is-active forewarn)" = active ] || fail "not active after start"
echo "ok: active after READY=1 ($(inside systemctl show -p StatusText --value forewarn))"
curl -fsS "http://127.0.0.1:$port/readyz" | grep -q '"plans":1' || fail "readyz"
curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/signals" | grep -q queue_depth || fail "token from credential"
echo "ok: API up, token read from the api-token credential"
inside systemctl show -p User,DynamicUser,WatchdogUSec forewarn | tr '\n' ' '; echo

# A broken plan, then a reload: systemctl reload returns (READY=1 always follows RELOADING=1), still active.
printf 'plan: [unclosed\n' > "$work/src/plans/broken.yaml"
inside systemctl reload forewarn.service || fail "reload did not return success"
[ "$(inside systemctl is-active forewarn)" = active ] || fail "not active after a bad reload"
curl -fsS "http://127.0.0.1:$port/metrics" | grep -q 'forewarn_config_last_reload_successful 0' || fail "gauge"
curl -fsS "http://127.0.0.1:$port/readyz" | grep -q '"plans":1' || fail "old plans gone"
echo "ok: bad reload kept the last good plans ($(inside systemctl show -p StatusText --value forewarn))"
rm -f "$work/src/plans/broken.yaml"
inside systemctl reload forewarn.service || fail "good reload"
curl -fsS "http://127.0.0.1:$port/metrics" | grep -q 'forewarn_config_last_reload_successful 1' || fail "gauge after good reload"
echo "ok: good reload"

inside journalctl -u forewarn -o verbose --no-pager | grep -q 'SYSLOG_IDENTIFIER=forewarn' || fail "journal fields"
inside journalctl -u forewarn -o verbose --no-pager | grep -q 'PRIORITY=' || fail "journal priority"
echo "ok: structured journal entries"

inside systemctl stop forewarn.service
result=$(inside systemctl show -p Result,ExecMainStatus --value forewarn | tr '\n' ' ')
case "$result" in "success 0 "*) echo "ok: stopped cleanly ($result)";; *) fail "stop: $result";; esac
echo "PASS: systemd container test"

#!/usr/bin/env bash
# Fan-out throughput of forewarn on a shared PostgreSQL database with 1, 2 and 3 instances, beside one
# instance on SQLite (issue 8). Each run: K `forewarn delivery-soak` processes (release build) store the
# same N notices (idempotently: one copy each) and dispatch them to a loopback receiver that answers 204.
# Deliveries/s = attempts / (last attempt end - first attempt start), read from the store's attempts table.
# PostgreSQL runs from a temp directory (initdb; as the `postgres` user when run as root), loopback only,
# default durability (fsync on, synchronous_commit on); it is stopped by PID at the end.
# Usage: Benchmarks/postgres/fanout.sh [NOTICES] [CONCURRENCY per instance]   (from the package root)
# FOREWARN_BIN=path skips the release build and uses that forewarn binary instead (say which in the figures).
set -euo pipefail
notices=${1:-20000}
concurrency=${2:-16}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pgbin/initdb" ] || { echo "PostgreSQL is missing: run scripts/install-deps.sh" >&2; exit 1; }
bin=${FOREWARN_BIN:-}
if [ -z "$bin" ]; then
    swift build -c release --scratch-path "$root/.build-release" --product forewarn >/dev/null
    bin="$root/.build-release/release/forewarn"
fi
work=$(mktemp -d)
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$work"; as_pg=(setpriv --reuid=postgres --regid=postgres --init-groups --); fi
receiver=
server=
cleanup() {  # by PID: SIGTERM to the receiver, SIGINT (fast shutdown) to PostgreSQL
    [ -n "$receiver" ] && kill "$receiver" 2>/dev/null || true
    [ -n "$server" ] && kill -INT "$server" 2>/dev/null && while kill -0 "$server" 2>/dev/null; do sleep 0.1; done
    rm -rf "$work"
}
trap cleanup EXIT

python3 "$root/Benchmarks/delivery/bench_receiver.py" > "$work/port" &
receiver=$!
"${as_pg[@]}" "$pgbin/initdb" -D "$work/data" -U forewarn --auth=trust -E UTF8 > "$work/initdb.log" 2>&1
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as_pg[@]}" "$pgbin/postgres" -D "$work/data" -c listen_addresses=127.0.0.1 -k "$work" -p "$port" \
    -c max_connections=100 > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q "ready to accept" "$work/server.log" 2>/dev/null && grep -q PORT "$work/port" && break; sleep 0.1; done
url="http://127.0.0.1:$(cut -d' ' -f2 "$work/port")/ok"
psql_do() { psql -X -q -t -A -h 127.0.0.1 -p "$port" -U forewarn "$@"; }

window_sql="SELECT count(*), max(at + latency) - min(at) FROM attempts"
report() {  # report NAME COUNT|WINDOW WALL
    local name=$1 count=${2%%|*} window=${2##*|} wall=$3
    printf '%-22s %8s attempts  dispatch %7.2f s  %8.0f deliveries/s  wall %6.2f s\n' \
        "$name" "$count" "$window" "$(echo "$count / $window" | bc -l)" "$wall"
}

echo "== load: $(uptime)"
echo "== $bin"
echo "== $notices notices, concurrency $concurrency per instance, receiver $url (204)"
for instances in 1 2 3; do
    db="fanout$instances"
    psql_do -d postgres -c "CREATE DATABASE $db"
    start=$(date +%s.%N)
    children=()
    for i in $(seq "$instances"); do
        FOREWARN_INSTANCE_ID="bench-$instances-$i" "$bin" delivery-soak \
            --store "postgres://forewarn@127.0.0.1:$port/$db" --url "$url" --notices "$notices" \
            --concurrency "$concurrency" > "$work/$db-$i.out" 2> "$work/$db-$i.err" &
        children+=($!)
    done
    for child in "${children[@]}"; do wait "$child"; done
    end=$(date +%s.%N)
    states=$(psql_do -d "$db" -c "SELECT string_agg(state || '=' || n, ' ') FROM (SELECT state, count(*) n FROM notices GROUP BY state) s")
    report "postgres x$instances ($states)" "$(psql_do -d "$db" -c "$window_sql")" "$(echo "$end - $start" | bc)"
done

start=$(date +%s.%N)
"$bin" delivery-soak --store "$work/fanout.sqlite" --url "$url" --notices "$notices" --concurrency "$concurrency" \
    > "$work/sqlite.out"
end=$(date +%s.%N)
report "sqlite x1 ($(cat "$work/sqlite.out"))" "$(sqlite3 "$work/fanout.sqlite" "$window_sql")" "$(echo "$end - $start" | bc)"

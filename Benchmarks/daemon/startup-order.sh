#!/usr/bin/env bash
# Regenerates Benchmarks/daemon/startup-order.txt, the linker's symbol ordering file (Package.swift, release on
# Linux): every function of the binary that `forewarn run` executes on the example plans from exec to READY=1 and
# while idle, so lld lays them out side by side and the kernel maps a few MiB of code instead of pages all over
# the 30 MiB text (docs/daemon.md, "Memory"). A stale file is harmless (unknown names are skipped); regenerate it
# after large changes or a toolchain/dependency update and compare with Benchmarks/daemon/idle-rss.sh.
# usage: Benchmarks/daemon/startup-order.sh [SECONDS]   (needs valgrind: apt-get install valgrind)
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${FOREWARN_RELEASE_SCRATCH:-$root/.build-release}
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
bash "$root/scripts/build-release.sh" "$scratch" >&2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# valgrind cannot read the toolchain's DWARF 5; the symbol table is enough.
objcopy --strip-debug "$scratch/release/forewarn" "$work/forewarn"
echo "profiling forewarn run on plans/ for ${seconds}s under callgrind" >&2
FOREWARN_API_TOKEN=bench-token-0123456789 timeout -s TERM "$seconds" valgrind --tool=callgrind --demangle=no \
    --dump-instr=no --callgrind-out-file="$work/callgrind.out" "$work/forewarn" run --plans "$root/plans" \
    --state "$work/state" --listen 127.0.0.1:0 >/dev/null 2>"$work/valgrind.log" || true
[ -s "$work/callgrind.out" ] || { cat "$work/valgrind.log" >&2; exit 1; }
nm --defined-only "$work/forewarn" > "$work/symbols"
python3 - "$work/callgrind.out" "$work/symbols" "$root/Benchmarks/daemon/startup-order.txt" <<'PY'
import re, sys
profile, symbols, out = sys.argv[1:]
objects, functions, executed, current = {}, {}, set(), None
for line in open(profile, errors="replace"):
    if m := re.match(r"^(c?ob)=\((\d+)\)(?: (.*))?$", line.rstrip("\n")):
        if m[3]:
            objects[m[2]] = m[3]
        if m[1] == "ob":
            current = objects[m[2]]
    elif m := re.match(r"^(c?fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n")):
        if m[3]:
            functions[m[2]] = re.sub(r"'\d+$", "", m[3])  # callgrind marks recursion depth as name'N
        if m[1] == "fn" and current and current.endswith("/forewarn"):
            executed.add(functions[m[2]])
# In address order, so the ordered code keeps the modules' own neighbourhoods.
ordered = sorted({(int(p[0], 16), p[2]) for p in (l.split() for l in open(symbols))
                  if len(p) == 3 and p[1] in "tTwW" and p[2] in executed})
seen = set()
with open(out, "w") as f:
    for _, name in ordered:
        if name not in seen:
            seen.add(name)
            f.write(name + "\n")
print(f"{len(seen)} functions executed -> {out}", file=sys.stderr)
PY

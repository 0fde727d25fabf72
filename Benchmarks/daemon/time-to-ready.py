#!/usr/bin/env python3
"""Time from exec to READY=1 of `forewarn run` on a plan directory (the daemon's NOTIFY_SOCKET is ours).
usage: time-to-ready.py BINARY PLANS_DIR [RUNS]   prints each run and the best, in seconds, with the CPU time
(user + system) the daemon had used at READY=1, which a busy machine disturbs less than the wall time."""
import os, signal, socket, subprocess, sys, tempfile, time

binary, plans = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
times = []
cpus = []


def cpu_seconds(pid):
    """utime + stime of `pid` from /proc (clock ticks -> seconds)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


for run in range(runs):
    work = tempfile.mkdtemp(prefix="fw-ready-")
    path = os.path.join(work, "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(30)
    env = dict(os.environ, NOTIFY_SOCKET=path, FOREWARN_API_TOKEN="bench-token-0123456789")
    start = time.monotonic()
    proc = subprocess.Popen([binary, "run", "--plans", plans, "--state", os.path.join(work, "state"),
                             "--listen", "127.0.0.1:0"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            message = sock.recv(8192).decode()
            if "READY=1" in message.split("\n"):
                break
            if "ERRNO=" in message:
                sys.exit(f"the daemon failed to start: {message!r}")
        elapsed = time.monotonic() - start
        cpu = cpu_seconds(proc.pid)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        sock.close()
    times.append(elapsed)
    cpus.append(cpu)
    print(f"run {run + 1}: READY=1 after {elapsed:.3f} s ({cpu:.2f} s CPU)", file=sys.stderr)
print(f"time to READY=1: best {min(times):.3f} s, median {sorted(times)[len(times) // 2]:.3f} s over {runs} runs; "
      f"CPU at READY=1: median {sorted(cpus)[len(cpus) // 2]:.2f} s")

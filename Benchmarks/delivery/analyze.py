#!/usr/bin/env python3
"""Reads a forewarn store after a soak run: deliveries per second and enqueue-to-2xx latency percentiles.

Usage: analyze.py STORE.sqlite
"""
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
rows = db.execute(
    """SELECT n.created_at, a.at + a.latency FROM notices n JOIN attempts a ON a.notice_id = n.id
       WHERE n.state = 'delivered' AND a.status BETWEEN 200 AND 299"""
).fetchall()
if not rows:
    sys.exit("no delivered notices in %s" % sys.argv[1])
first_attempt = db.execute("SELECT MIN(at) FROM attempts").fetchone()[0]
done = sorted(end for _, end in rows)
latencies = sorted(end - created for created, end in rows)
span = done[-1] - first_attempt


def pct(p):
    return latencies[min(len(latencies) - 1, int(p / 100.0 * len(latencies)))] * 1000


states = dict(db.execute("SELECT state, COUNT(*) FROM notices GROUP BY state").fetchall())
attempts = db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]
print("delivered %d of %d notices, %d attempts, states %s" % (len(rows), sum(states.values()), attempts, states))
print("dispatch span %.2f s -> %.0f deliveries/s" % (span, len(rows) / span if span > 0 else 0))
print("enqueue->2xx p50 %.1f ms, p99 %.1f ms, max %.1f ms" % (pct(50), pct(99), latencies[-1] * 1000))

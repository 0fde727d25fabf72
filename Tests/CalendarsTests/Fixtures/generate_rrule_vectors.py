#!/usr/bin/env python3
"""Generates rrule-vectors.json: golden RRULE expansions computed by python-dateutil.

Run once (python3 generate_rrule_vectors.py > rrule-vectors.json); the JSON is committed and the
Swift tests read only the JSON, never Python. Each vector gives a rule, a wall-clock DTSTART and a
window [from, to) of wall-clock times; `expected` lists every start dateutil yields in the window.
"""
import json
import sys
from datetime import datetime

import dateutil
from dateutil.rrule import rrulestr

VECTORS = [
    # name, rule, dtstart, from, to
    ("yearly-4th-thursday-november", "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "2020-11-26T00:00:00", "2024-01-01T00:00:00", "2031-01-01T00:00:00"),
    ("yearly-last-monday-may", "FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO", "2020-05-25T10:00:00", "2025-01-01T00:00:00", "2030-01-01T00:00:00"),
    ("yearly-second-sunday-march", "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "2007-03-11T02:00:00", "2024-01-01T00:00:00", "2029-01-01T00:00:00"),
    ("yearly-20th-monday", "FREQ=YEARLY;BYDAY=20MO", "2026-01-01T08:00:00", "2026-01-01T00:00:00", "2030-01-01T00:00:00"),
    ("yearly-bymonth-bymonthday", "FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=1", "2026-01-01T00:00:00", "2026-01-01T00:00:00", "2029-01-01T00:00:00"),
    ("yearly-byyearday", "FREQ=YEARLY;BYYEARDAY=1,100,-1", "2026-01-01T12:00:00", "2026-01-01T00:00:00", "2029-01-01T00:00:00"),
    ("yearly-byweekno-monday", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "2026-01-01T09:00:00", "2026-01-01T00:00:00", "2031-01-01T00:00:00"),
    ("yearly-byweekno-1-wkst-su", "FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO;WKST=SU", "2026-01-01T09:00:00", "2026-01-01T00:00:00", "2031-01-01T00:00:00"),
    ("yearly-leap-day-interval-4", "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29", "2024-02-29T00:00:00", "2024-01-01T00:00:00", "2045-01-01T00:00:00"),
    ("yearly-until", "FREQ=YEARLY;UNTIL=20290101T000000;BYMONTH=9;BYMONTHDAY=18", "2026-09-18T00:00:00", "2026-01-01T00:00:00", "2035-01-01T00:00:00"),
    ("monthly-last-friday", "FREQ=MONTHLY;BYDAY=-1FR", "2026-01-01T09:00:00", "2026-01-01T00:00:00", "2027-01-01T00:00:00"),
    ("monthly-last-weekday-bysetpos", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2026-01-01T17:00:00", "2026-01-01T00:00:00", "2027-01-01T00:00:00"),
    ("monthly-first-and-last-weekday", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1,-1", "2026-01-01T08:00:00", "2026-01-01T00:00:00", "2026-07-01T00:00:00"),
    ("monthly-third-tuesday-count", "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=3;COUNT=6", "2026-01-01T10:00:00", "2026-01-01T00:00:00", "2028-01-01T00:00:00"),
    ("monthly-last-day", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-31T23:00:00", "2026-01-01T00:00:00", "2027-01-01T00:00:00"),
    ("monthly-1-and-15-count", "FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=10", "2026-01-01T09:00:00", "2026-01-01T00:00:00", "2028-01-01T00:00:00"),
    ("monthly-31st-skips-short-months", "FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-31T12:00:00", "2026-01-01T00:00:00", "2027-01-01T00:00:00"),
    ("monthly-friday-13th", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "2026-02-13T00:00:00", "2026-01-01T00:00:00", "2030-01-01T00:00:00"),
    ("monthly-interval-2-second-wednesday", "FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE", "2026-01-14T18:00:00", "2026-01-01T00:00:00", "2027-07-01T00:00:00"),
    ("monthly-interval-5-far-window", "FREQ=MONTHLY;INTERVAL=5;BYMONTHDAY=10", "2001-03-10T07:00:00", "2026-01-01T00:00:00", "2028-01-01T00:00:00"),
    ("weekly-rfc-wkst-mo", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", "1997-08-05T09:00:00", "1997-01-01T00:00:00", "1998-01-01T00:00:00"),
    ("weekly-rfc-wkst-su", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", "1997-08-05T09:00:00", "1997-01-01T00:00:00", "1998-01-01T00:00:00"),
    ("weekly-mon-wed-fri-until", "FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20260301T000000", "2026-02-02T09:30:00", "2026-01-01T00:00:00", "2026-06-01T00:00:00"),
    ("weekly-count-window-after-start", "FREQ=WEEKLY;COUNT=5", "2026-01-05T09:00:00", "2026-01-20T00:00:00", "2026-06-01T00:00:00"),
    ("weekly-interval-3-far-window", "FREQ=WEEKLY;INTERVAL=3;BYDAY=TH", "2010-01-07T20:00:00", "2026-01-01T00:00:00", "2026-06-01T00:00:00"),
    ("daily-interval-3-count", "FREQ=DAILY;INTERVAL=3;COUNT=10", "2026-01-01T06:00:00", "2026-01-01T00:00:00", "2026-03-01T00:00:00"),
    ("daily-interval-7-far-window", "FREQ=DAILY;INTERVAL=7", "2000-01-01T08:00:00", "2026-03-01T00:00:00", "2026-05-01T00:00:00"),
    ("daily-bymonth-weekends", "FREQ=DAILY;BYMONTH=1;BYDAY=SA,SU", "2026-01-01T10:00:00", "2026-01-01T00:00:00", "2027-02-01T00:00:00"),
    ("daily-byhour-byminute", "FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0,30", "2026-03-01T09:00:00", "2026-03-01T00:00:00", "2026-03-04T00:00:00"),
    ("daily-bysecond", "FREQ=DAILY;BYHOUR=12;BYMINUTE=0;BYSECOND=0,30", "2026-03-01T12:00:00", "2026-03-01T00:00:00", "2026-03-04T00:00:00"),
]


def iso(value):
    return value.strftime("%Y-%m-%dT%H:%M:%S")


def main():
    vectors = []
    for name, rule, dtstart, start, end in VECTORS:
        first = datetime.fromisoformat(dtstart)
        lower, upper = datetime.fromisoformat(start), datetime.fromisoformat(end)
        expansion = rrulestr(rule, dtstart=first).between(lower, upper, inc=True)
        expected = [iso(item) for item in expansion if item < upper]
        vectors.append({"name": name, "rule": rule, "dtstart": dtstart, "from": start, "to": end, "expected": expected})
    document = {
        "source": f"python-dateutil {dateutil.__version__}, dateutil.rrule.rrulestr(rule, dtstart).between(from, to)",
        "generator": "Tests/CalendarsTests/Fixtures/generate_rrule_vectors.py",
        "window": "[from, to) in wall-clock time",
        "vectors": vectors,
    }
    json.dump(document, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes a large synthetic .ics for the calendar benchmark: N one-off events, N/10 weekly series with
EXDATEs, N/10 daily series across DST in Europe/Madrid. Usage: make_big_ics.py N > big.ics"""
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
out = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//forewarn//bench//EN", "X-WR-TIMEZONE:Europe/Madrid"]
for i in range(count):
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    out += ["BEGIN:VEVENT", f"UID:one-{i}@bench", f"DTSTART;VALUE=DATE:2026{month:02d}{day:02d}",
            f"SUMMARY:One-off {i}", "END:VEVENT"]
for i in range(count // 10):
    out += ["BEGIN:VEVENT", f"UID:weekly-{i}@bench", f"DTSTART;TZID=Europe/Madrid:20260105T{i % 24:02d}3000",
            "DURATION:PT45M", "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR", "EXDATE;TZID=Europe/Madrid:20260302T"
            f"{i % 24:02d}3000", f"SUMMARY:Weekly {i}", "END:VEVENT"]
    out += ["BEGIN:VEVENT", f"UID:daily-{i}@bench", f"DTSTART;TZID=Europe/Madrid:20250101T02{i % 60:02d}00",
            "DURATION:PT1H", "RRULE:FREQ=DAILY", f"SUMMARY:Daily {i}", "END:VEVENT"]
out.append("END:VCALENDAR")
sys.stdout.write("\r\n".join(out) + "\r\n")

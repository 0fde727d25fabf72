#!/usr/bin/env python3
"""Generates holidays-CC.ics for Chile, Mexico, Spain and the United States, 2026-2027.

Run once, at generation time only:  pip install holidays && python3 generate_holiday_ics.py
The .ics files are committed; the Swift tests never run Python. Source: the PyPI package `holidays`
(https://pypi.org/project/holidays/), national holidays only, names in Spanish (CL, MX, ES) or English (US).
"""
import holidays

COUNTRIES = {  # code: (zone, language of the holiday names)
    "CL": ("America/Santiago", "es"),
    "MX": ("America/Mexico_City", "es"),
    "ES": ("Europe/Madrid", "es"),
    "US": ("America/New_York", "en_US"),
}
YEARS = [2026, 2027]


def escape(text):
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line):
    """Folds a content line at 75 octets (RFC 5545 section 3.1)."""
    data = line.encode("utf-8")
    parts = []
    while len(data) > 75:
        cut = 75 if not parts else 74
        while cut > 0 and (data[cut] & 0xC0) == 0x80:  # do not split a UTF-8 sequence
            cut -= 1
        parts.append(data[:cut].decode("utf-8"))
        data = data[cut:]
    parts.append(data.decode("utf-8"))
    return "\r\n ".join(parts)


def calendar(code, zone, language):
    days = holidays.country_holidays(code, years=YEARS, language=language)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//forewarn//holidays {holidays.__version__} {code}//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:Holidays {code} {YEARS[0]}-{YEARS[-1]}",
        f"X-WR-TIMEZONE:{zone}",
    ]
    for day in sorted(days):
        end = day.fromordinal(day.toordinal() + 1)
        for index, name in enumerate(days.get_list(day)):
            lines += [
                "BEGIN:VEVENT",
                f"UID:{day:%Y%m%d}-{index}-{code.lower()}@holidays.forewarn.invalid",
                "DTSTAMP:20261123T000000Z",
                f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{end:%Y%m%d}",
                f"SUMMARY:{escape(name)}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def main():
    for code, (zone, language) in COUNTRIES.items():
        with open(f"holidays-{code}.ics", "w", encoding="utf-8", newline="") as output:
            output.write(calendar(code, zone, language))


if __name__ == "__main__":
    main()

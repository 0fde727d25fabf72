import CivilDay
import Foundation
import Testing

/// Known answers: day counts since 1970-01-01 computed with Python's `datetime.date` (proleptic Gregorian,
/// `(date(y, m, d) - date(1970, 1, 1)).days`), and every 11th day of four centuries against Foundation's calendar
/// (11 is prime to the week and every month length, so the sample walks through all days of months and leap days).
@Suite struct CivilDayTests {
    static let known: [(year: Int, month: Int, day: Int, days: Int)] = [
        (1, 1, 1, -719_162), (1582, 10, 15, -141_427), (1600, 2, 29, -135_081), (1900, 3, 1, -25_508),
        (1969, 12, 31, -1), (1970, 1, 1, 0), (2000, 2, 29, 11_016), (2024, 2, 29, 19_782), (2026, 11, 23, 20_780),
        (9999, 12, 31, 2_932_896),
    ]

    @Test func matchesKnownDayCountsBothWays() {
        for entry in Self.known {
            #expect(CivilDay.days(year: entry.year, month: entry.month, day: entry.day) == entry.days, "\(entry)")
            let date = CivilDay.date(days: entry.days)
            #expect(date.year == entry.year && date.month == entry.month && date.day == entry.day, "\(entry)")
        }
    }

    @Test func agreesWithFoundationFrom1700To2100() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let first = CivilDay.days(year: 1700, month: 1, day: 1)
        let last = CivilDay.days(year: 2100, month: 12, day: 31)
        var mismatches: [Int] = []
        for days in stride(from: first, through: last, by: 11) {
            let parts = calendar.dateComponents(
                [.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            let date = CivilDay.date(days: days)
            if (parts.year, parts.month, parts.day) != (date.year, date.month, date.day)
                || CivilDay.days(year: date.year, month: date.month, day: date.day) != days
            {
                mismatches.append(days)
            }
        }
        #expect(last - first == 146_461)  // Python: (date(2100, 12, 31) - date(1700, 1, 1)).days
        #expect(mismatches.isEmpty, "first days that differ: \(mismatches.prefix(5))")
    }

    @Test func knowsTheLengthOfEveryMonth() {
        #expect(
            (1...12).map { CivilDay.daysIn(month: $0, year: 2026) } == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        #expect(CivilDay.daysIn(month: 2, year: 2024) == 29)
        #expect(CivilDay.daysIn(month: 2, year: 1900) == 28, "century years are not leap years")
        #expect(CivilDay.daysIn(month: 2, year: 2000) == 29, "unless divisible by 400")
        #expect(CivilDay.daysIn(month: 13, year: 2026) == 0)
        #expect(CivilDay.daysIn(month: 0, year: 2026) == 0)
    }

    /// Against Foundation's ISO 8601 formatter (UTC, seconds), every 999,983 s (prime) from 1900 to 2100, and
    /// fractional and negative instants (rounded down to the second, as Foundation prints them).
    @Test func iso8601MatchesFoundationInUTC() {
        let formatter = ISO8601DateFormatter()
        var mismatches: [String] = []
        var instants = Array(stride(from: -2_208_988_800.0, through: 4_102_444_800, by: 999_983))
        instants += [0, 0.999, 59.5, 86_399.999, -0.25, -1, -86_400.5, 1_795_478_400.75]
        for instant in instants {
            let date = Date(timeIntervalSince1970: instant)
            let expected = formatter.string(from: date)
            if CivilDay.iso8601(date) != expected {
                mismatches.append("\(instant): \(CivilDay.iso8601(date)) ≠ \(expected)")
            }
        }
        #expect(instants.count > 6_000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(CivilDay.iso8601(Date(timeIntervalSince1970: 1_795_392_000)) == "2026-11-23T00:00:00Z")
    }
}

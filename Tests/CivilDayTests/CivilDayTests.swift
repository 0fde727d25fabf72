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
}

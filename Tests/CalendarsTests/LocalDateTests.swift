import Foundation
import Testing

@testable import Calendars

@Suite struct LocalDateTests {
    @Test func civilDaysAgreeWithFoundation() {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "UTC")!
        // 1614…2380 only: Foundation's Gregorian calendar turns Julian before 1582.
        for offset in stride(from: -130_000, through: 150_000, by: 97) {
            let date = Date(timeIntervalSince1970: TimeInterval(offset) * 86_400)
            let parts = gregorian.dateComponents([.year, .month, .day, .weekday], from: date)
            let local = LocalDate(daysSinceEpoch: offset)
            #expect(local == LocalDate(year: parts.year!, month: parts.month!, day: parts.day!))
            #expect(local.daysSinceEpoch == offset)
            #expect(local.isoWeekday == (parts.weekday! + 5) % 7 + 1)
        }
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "20260230", "2026/01/01", "abcd-ef-gh"])
    func impossibleDatesAreRejected(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func parsing() {
        #expect(LocalDate(iso: "2028-02-29") == LocalDate(year: 2028, month: 2, day: 29))
        #expect(LocalDate(iso: "20261126") == LocalDate(year: 2026, month: 11, day: 26))
        #expect(LocalDateTime(iso: "2026-03-08T02:30")?.description == "2026-03-08T02:30:00")
        #expect(LocalDateTime(iso: "2026-03-08T24:00") == nil)
        #expect(LocalDateTime(wallSeconds: -1).description == "1969-12-31T23:59:59")
    }
}

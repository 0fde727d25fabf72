import Foundation
import Testing
import Zones

@testable import Calendars

@Suite struct OpeningHoursTests {
    private let newYork = Zone(identifier: "America/New_York")!

    private func shop() throws -> OpeningHours {
        try OpeningHours(
            timeZone: newYork, rules: ["mon-fri 09:00-20:00", "sat 10:00-14:00,16:00-18:00", "sun closed"],
            exceptions: ["2026-11-26": "closed", "2026-11-27": "07:00-23:00", "2026-11-29": "12:00-17:00"])
    }

    @Test func weeklyPatternAndExceptions() throws {
        let hours = try shop()
        #expect(hours.hours(on: Fixture.date("2026-11-23")).map(\.description) == ["09:00-20:00"])  // Monday
        #expect(hours.hours(on: Fixture.date("2026-11-28")).map(\.description) == ["10:00-14:00", "16:00-18:00"])
        #expect(hours.hours(on: Fixture.date("2026-11-22")).isEmpty)  // Sunday
        #expect(hours.hours(on: Fixture.date("2026-11-26")).isEmpty)  // Thanksgiving: closed
        #expect(hours.hours(on: Fixture.date("2026-11-27")).map(\.description) == ["07:00-23:00"])  // Black Friday
        #expect(hours.hours(on: Fixture.date("2026-11-29")).map(\.description) == ["12:00-17:00"])  // special Sunday
    }

    @Test func isOpenReadsTheWallClock() throws {
        let hours = try shop()
        #expect(hours.isOpen(at: Fixture.instant("2026-11-23T14:00:00Z")))  // 09:00 EST: opens
        #expect(!hours.isOpen(at: Fixture.instant("2026-11-23T13:59:00Z")))
        #expect(!hours.isOpen(at: Fixture.instant("2026-11-24T01:00:00Z")))  // 20:00 EST: closed (exclusive)
        #expect(!hours.isOpen(at: Fixture.instant("2026-11-26T17:00:00Z")))  // Thanksgiving noon
        #expect(hours.isOpen(at: Fixture.instant("2026-11-28T03:30:00Z")))  // Friday 22:30 on Black Friday hours
        #expect(!hours.isOpen(at: Fixture.instant("2026-11-28T20:00:00Z")))  // Saturday 15:00, the lunch gap
        #expect(hours.isOpen(at: Fixture.instant("2026-07-06T13:00:00Z")))  // Monday 09:00 EDT
    }

    @Test func overnightIntervalSpillsIntoTheNextDay() throws {
        let bar = try OpeningHours(timeZone: newYork, rules: ["fri-sat 20:00-02:00"])
        #expect(bar.hours(on: Fixture.date("2026-11-27")).first?.crossesMidnight == true)
        #expect(bar.isOpen(at: Fixture.instant("2026-11-28T06:30:00Z")))  // Saturday 01:30, from Friday
        #expect(!bar.isOpen(at: Fixture.instant("2026-11-28T07:30:00Z")))  // Saturday 02:30
        #expect(bar.isOpen(at: Fixture.instant("2026-11-29T06:30:00Z")))  // Sunday 01:30, from Saturday
        #expect(!bar.isOpen(at: Fixture.instant("2026-11-30T06:30:00Z")))  // Monday 01:30
    }

    @Test func openIntervalsAcrossSpringForward() throws {
        let night = try OpeningHours(timeZone: newYork, rules: ["sat 22:00-04:00"])
        let periods = night.openIntervals(
            from: Fixture.instant("2026-03-07T00:00:00Z"), to: Fixture.instant("2026-03-09T00:00:00Z"))
        #expect(
            periods == [
                DateInterval(
                    start: Fixture.instant("2026-03-08T03:00:00Z"), end: Fixture.instant("2026-03-08T08:00:00Z"))
            ])  // 22:00 EST to 04:00 EDT: five hours, not six
    }

    @Test func openIntervalsAreClippedAndMerged() throws {
        let allDay = try OpeningHours(timeZone: newYork, rules: ["mon-sun 00:00-24:00"])
        let from = Fixture.instant("2026-11-23T12:00:00Z")
        let to = Fixture.instant("2026-11-25T12:00:00Z")
        #expect(allDay.openIntervals(from: from, to: to) == [DateInterval(start: from, end: to)])
    }

    @Test(arguments: ["mon-fri", "funday 09:00-10:00", "mon 9:00-10:00", "mon 10:00-10:00", "mon 25:00-26:00", "mon "])
    func badRules(rule: String) {
        #expect(throws: CalendarError.self) { try OpeningHours(timeZone: newYork, rules: [rule]) }
    }

    @Test func badExceptions() {
        #expect(throws: CalendarError.self) {
            try OpeningHours(timeZone: newYork, rules: [], exceptions: ["2026-13-01": "closed"])
        }
        #expect(throws: CalendarError.self) {
            try OpeningHours(timeZone: newYork, rules: [], exceptions: ["2026-12-01": "shut"])
        }
    }
}

import Foundation
import Testing
import Zones

@testable import Calendars

/// DST transitions of 2026 (tzdata): New York 8 Mar 02:00→03:00 and 1 Nov 02:00→01:00; Madrid 29 Mar
/// 02:00→03:00 and 25 Oct 03:00→02:00; Santiago 6 Sep 00:00→01:00 and 5 Apr 00:00→4 Apr 23:00.
@Suite struct DaylightSavingTests {
    private func daily(at time: String, zone: String, from: String, to: String) throws -> [CalendarOccurrence] {
        let event = RecurringEvent(
            summary: "daily", start: .dateTime(Fixture.local(time)), length: .seconds(1800),
            rule: try RecurrenceRule("FREQ=DAILY"))
        let calendar = EventCalendar(name: "dst", timeZone: Zone(identifier: zone)!, sources: [.recurring(event)])
        let rules = Fixture.zone(zone)
        return try calendar.occurrences(
            from: rules.date(of: Fixture.local(from)), to: rules.date(of: Fixture.local(to)))
    }

    @Test func newYorkSpringForwardShiftsTheMissingTimeForward() throws {
        let found = try daily(
            at: "2026-03-06T02:30", zone: "America/New_York", from: "2026-03-06T00:00", to: "2026-03-11T00:00")
        #expect(
            found.map(\.start) == [
                Fixture.instant("2026-03-06T07:30:00Z"), Fixture.instant("2026-03-07T07:30:00Z"),
                Fixture.instant("2026-03-08T07:30:00Z"),  // 02:30 does not exist: 03:30 EDT
                Fixture.instant("2026-03-09T06:30:00Z"), Fixture.instant("2026-03-10T06:30:00Z"),
            ])
    }

    @Test func newYorkFallBackTakesTheFirstOfTwoReadings() throws {
        let found = try daily(
            at: "2026-10-30T01:30", zone: "America/New_York", from: "2026-10-30T00:00", to: "2026-11-03T00:00")
        #expect(
            found.map(\.start) == [
                Fixture.instant("2026-10-30T05:30:00Z"), Fixture.instant("2026-10-31T05:30:00Z"),
                Fixture.instant("2026-11-01T05:30:00Z"),  // 01:30 EDT, not 01:30 EST an hour later
                Fixture.instant("2026-11-02T06:30:00Z"),
            ])
    }

    @Test func madridTransitions() throws {
        let spring = try daily(
            at: "2026-03-28T02:30", zone: "Europe/Madrid", from: "2026-03-28T00:00", to: "2026-03-31T00:00")
        #expect(
            spring.map(\.start) == [
                Fixture.instant("2026-03-28T01:30:00Z"), Fixture.instant("2026-03-29T01:30:00Z"),
                Fixture.instant("2026-03-30T00:30:00Z"),
            ])
        let autumn = try daily(
            at: "2026-10-24T02:30", zone: "Europe/Madrid", from: "2026-10-24T00:00", to: "2026-10-27T00:00")
        #expect(
            autumn.map(\.start) == [
                Fixture.instant("2026-10-24T00:30:00Z"), Fixture.instant("2026-10-25T00:30:00Z"),
                Fixture.instant("2026-10-26T01:30:00Z"),
            ])
    }

    @Test func santiagoMidnightGapMakesAShortAllDayEvent() throws {
        let event = RecurringEvent(
            summary: "day", start: .date(Fixture.date("2026-09-04")), length: .days(1),
            rule: try RecurrenceRule("FREQ=DAILY"))
        let calendar = EventCalendar(
            name: "cl", timeZone: Zone(identifier: "America/Santiago")!, sources: [.recurring(event)])
        let found = try calendar.occurrences(
            from: Fixture.instant("2026-09-04T04:00:00Z"), to: Fixture.instant("2026-09-08T03:00:00Z"))
        #expect(found.count == 4)
        #expect(found.allSatisfy { $0.allDay })
        for (earlier, later) in zip(found, found.dropFirst()) { #expect(earlier.end == later.start) }
        let sixth = try #require(found.first { $0.start == Fixture.instant("2026-09-06T04:00:00Z") })
        #expect(sixth.end.timeIntervalSince(sixth.start) == 23 * 3600)
    }

    @Test func santiagoFallBackAtMidnight() {
        let rules = Fixture.zone("America/Santiago")
        #expect(rules.date(of: Fixture.local("2026-04-04T23:30")) == Fixture.instant("2026-04-05T02:30:00Z"))
        #expect(rules.date(of: Fixture.local("2026-04-05T00:00")) == Fixture.instant("2026-04-05T04:00:00Z"))
        #expect(rules.iso8601(Fixture.instant("2026-04-05T03:30:00Z")) == "2026-04-04T23:30:00-04:00")
    }

    @Test(arguments: ["America/Santiago", "Europe/Madrid", "America/New_York"])
    func everyWallReadingMapsBackToItselfOrPastTheGap(zone: String) {
        let rules = Fixture.zone(zone)
        var reading = Fixture.local("2026-01-01T00:00").wallSeconds
        let end = Fixture.local("2027-01-01T00:00").wallSeconds
        var shifted = 0
        while reading < end {
            let local = LocalDateTime(wallSeconds: reading)
            let back = rules.local(at: rules.date(of: local)).wallSeconds
            if back != reading {
                #expect(back - reading == 3600, "\(local) came back as \(LocalDateTime(wallSeconds: back))")
                shifted += 1
            }
            reading += 900
        }
        #expect(shifted == 4, "one skipped hour a year, in quarter hours")
    }
}

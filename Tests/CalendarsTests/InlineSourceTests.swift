import Foundation
import Testing
import Zones

@testable import Calendars

@Suite struct InlineSourceTests {
    private let santiago = Zone(identifier: "America/Santiago")!

    @Test func datesAndRangesInTheCalendarZone() throws {
        let calendar = EventCalendar(
            name: "sales-days", timeZone: santiago,
            sources: [
                .event(
                    InlineEvent(
                        summary: "CyberDay",
                        span: .dates(Fixture.date("2026-06-01"), through: Fixture.date("2026-06-03")))),
                .event(InlineEvent(summary: "Fiestas Patrias", span: .date(Fixture.date("2026-09-18")))),
                .event(
                    InlineEvent(
                        summary: "Power cut",
                        span: .dateTimes(Fixture.local("2026-07-10T09:00"), until: Fixture.local("2026-07-10T13:00")))),
            ])
        let found = try calendar.occurrences(
            from: Fixture.instant("2026-01-01T00:00:00Z"), to: Fixture.instant("2027-01-01T00:00:00Z"))
        #expect(found.map(\.summary) == ["CyberDay", "Power cut", "Fiestas Patrias"])
        #expect(found[0].start == Fixture.instant("2026-06-01T04:00:00Z"))
        #expect(found[0].end == Fixture.instant("2026-06-04T04:00:00Z"), "date ranges include their last day")
        #expect(found[1].start == Fixture.instant("2026-07-10T13:00:00Z"))
        #expect(!found[1].allDay)
        #expect(found[2].allDay)
    }

    @Test func recurringAllDayWithExclusions() throws {
        let event = RecurringEvent(
            summary: "Payday", start: .date(Fixture.date("2026-01-30")), length: .days(1),
            rule: try RecurrenceRule("RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"),
            excludedDates: [Fixture.date("2026-04-30")])
        let calendar = EventCalendar(name: "pay", timeZone: santiago, sources: [.recurring(event)])
        let rules = Fixture.zone("America/Santiago")
        let found = try calendar.occurrences(
            from: Fixture.instant("2026-01-01T00:00:00Z"), to: Fixture.instant("2026-07-01T00:00:00Z"))
        #expect(
            found.map { rules.local(at: $0.start).date.description } == [
                "2026-01-30", "2026-02-27", "2026-03-31", "2026-05-29", "2026-06-30",
            ])
        #expect(found.allSatisfy { $0.allDay })
    }

    @Test func expansionIsSafeFromManyTasksAtOnce() async throws {
        let calendar = EventCalendar(
            name: "x", timeZone: santiago,
            sources: [
                .ics(try ICSCalendar.load(path: Fixture.path("holidays-CL.ics"))),
                .recurring(
                    RecurringEvent(
                        summary: "weekly", start: .dateTime(Fixture.local("2026-01-05T09:00")), length: .seconds(3600),
                        rule: try RecurrenceRule("FREQ=WEEKLY;BYDAY=MO"))),
            ])
        let from = Fixture.instant("2026-01-01T00:00:00Z")
        let to = Fixture.instant("2028-01-01T00:00:00Z")
        let expected = try calendar.occurrences(from: from, to: to)
        let results = try await withThrowingTaskGroup(of: [CalendarOccurrence].self) { group in
            for _ in 0..<8 { group.addTask { try calendar.occurrences(from: from, to: to) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
        #expect(expected.count > 100)
    }
}

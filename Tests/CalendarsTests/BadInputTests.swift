import Foundation
import Testing
import Zones

@testable import Calendars

/// Bad calendars fail with a clear `CalendarError` naming the file and line, after bounded work.
@Suite struct BadInputTests {
    private let year = (from: Fixture.instant("2026-01-01T00:00:00Z"), to: Fixture.instant("2027-01-01T00:00:00Z"))

    private func failure(_ name: String) throws -> CalendarError {
        let calendar = try ICSCalendar.load(path: Fixture.path("ics/\(name)"))
        do {
            let found = try calendar.occurrences(from: year.from, to: year.to, floatingZone: Fixture.zone("UTC"))
            Issue.record("expected an error, got \(found.count) occurrences")
            return CalendarError(.invalidEntry, "none")
        } catch let error as CalendarError {
            #expect(calendar.problems(floatingZone: Fixture.zone("UTC")).contains(error))
            return error
        }
    }

    @Test func lineWithoutColon() throws {
        let error = try failure("malformed-line.ics")
        #expect(error.kind == .malformedICS)
        #expect(error.line == 7)
        #expect(error.source?.hasSuffix("malformed-line.ics") == true)
        #expect(error.description.contains("malformed-line.ics:7: error:"))
    }

    @Test func valueLibicalCannotParse() throws {
        let error = try failure("malformed-value.ics")
        #expect(error.kind == .malformedICS)
        #expect(error.line == 7)
        #expect(error.message.contains("DTSTART"))
    }

    @Test func unclosedComponent() throws {
        let error = try failure("unclosed.ics")
        #expect(error.kind == .malformedICS)
        #expect(error.line == 8)
        #expect(error.message.contains("END:VEVENT"))
    }

    @Test func notAnICSFile() {
        let calendar = ICSCalendar(text: "hello, world\n", source: "notes.txt")
        #expect(throws: CalendarError.self) {
            try calendar.occurrences(from: year.from, to: year.to, floatingZone: Fixture.zone("UTC"))
        }
        #expect(calendar.problems(floatingZone: Fixture.zone("UTC")).first?.line == 1)
    }

    @Test func unknownTZID() throws {
        let error = try failure("unknown-tzid.ics")
        #expect(error.kind == .unknownTimeZone)
        #expect(error.line == 7)
        #expect(error.message.contains("Mars/Olympus_Mons"))
    }

    @Test func ruleThatNeverMatchesInsideICS() throws {
        let error = try failure("never-matches.ics")
        #expect(error.kind == .invalidRule)
        #expect(error.line == 8)
        #expect(error.message.contains("never matches"))
    }

    @Test(arguments: [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=31",
        "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=-30",
    ])
    func inlineRuleThatNeverMatches(rule: String) {
        #expect {
            try RecurrenceRule(rule)
        } throws: { error in
            (error as? CalendarError)?.kind == .invalidRule && "\(error)".contains("never matches")
        }
    }

    @Test func ruleThatEndsBeforeItStartsProducesNothingAndSaysSo() throws {
        let event = RecurringEvent(
            summary: "gone", start: .dateTime(Fixture.local("2026-06-01T09:00")), length: .seconds(60),
            rule: try RecurrenceRule("FREQ=DAILY;UNTIL=20260101T000000"))
        let calendar = EventCalendar(name: "x", timeZone: Zone(identifier: "UTC")!, sources: [.recurring(event)])
        #expect(calendar.problems().first?.message.contains("never produces an occurrence") == true)
        #expect(throws: CalendarError.self) { try calendar.occurrences(from: year.from, to: year.to) }
    }

    @Test(arguments: ["FREQ=FOO", "FREQ=DAILY;BYHOUR=99", "BYDAY=MO", ""])
    func unparsableRule(rule: String) {
        #expect(throws: CalendarError.self) { try RecurrenceRule(rule) }
    }

    @Test func hugeRuleStopsAtTheStepLimit() throws {
        let event = RecurringEvent(
            summary: "tick", start: .dateTime(Fixture.local("2000-01-01T00:00")), length: .seconds(1),
            rule: try RecurrenceRule("FREQ=SECONDLY;COUNT=100000000"))
        let calendar = EventCalendar(name: "x", timeZone: Zone(identifier: "UTC")!, sources: [.recurring(event)])
        #expect {
            try calendar.occurrences(from: year.from, to: year.to)
        } throws: { error in
            (error as? CalendarError)?.kind == .limitExceeded
        }
    }

    @Test func missingFile() {
        #expect {
            try ICSCalendar.load(path: "/nonexistent/forewarn/cal.ics")
        } throws: { error in
            guard let error = error as? CalendarError else { return false }
            return error.kind == .unreadableFile && error.description.hasPrefix("/nonexistent/forewarn/cal.ics: error:")
        }
        let calendar = EventCalendar(
            name: "x", timeZone: Zone(identifier: "UTC")!,
            sources: [.icsFile(path: "/nonexistent/forewarn/cal.ics")])
        #expect(calendar.problems().map(\.kind) == [.unreadableFile])
    }

    @Test func unknownTimeZoneName() {
        #expect(throws: CalendarError.self) { try ZoneRules(identifier: "Mars/Olympus_Mons") }
    }

    @Test func backwardsWindowAndRange() {
        let calendar = EventCalendar(
            name: "x", timeZone: Zone(identifier: "UTC")!,
            sources: [
                .event(
                    InlineEvent(
                        summary: "r", span: .dates(Fixture.date("2026-05-02"), through: Fixture.date("2026-05-01"))))
            ])
        #expect(throws: CalendarError.self) { try calendar.occurrences(from: year.to, to: year.from) }
        #expect(throws: CalendarError.self) { try calendar.occurrences(from: year.from, to: year.to) }
        #expect(calendar.problems().count == 1)
    }

    @Test func badWindowText() {
        #expect(throws: CalendarError.self) { try Fixture.zone("UTC").instant(parsing: "2026-02-30") }
        #expect(throws: CalendarError.self) { try Fixture.zone("UTC").instant(parsing: "tomorrow") }
    }

    @Test func occurrenceLimitStopsAnICSExpansion() throws {
        let calendar = try ICSCalendar.load(path: Fixture.path("ics/never-ends.ics"))
        #expect {
            try calendar.occurrences(from: year.from, to: year.to, floatingZone: Fixture.zone("UTC"), limit: 100)
        } throws: { error in
            (error as? CalendarError)?.kind == .limitExceeded
        }
        let allowed = try calendar.occurrences(
            from: year.from, to: year.to, floatingZone: Fixture.zone("UTC"), limit: 365)
        #expect(allowed.count == 365)
    }
}

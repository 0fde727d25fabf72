import Foundation
import Testing

@testable import Calendars

/// Expected values follow RFC 5545 (DTEND exclusive, EXDATE, RDATE, RECURRENCE-ID) for the hand-written
/// inputs in `Fixtures/ics/`.
@Suite struct ICSCalendarTests {
    private func expand(_ name: String, zone: String, from: String, to: String) throws -> [CalendarOccurrence] {
        let calendar = try ICSCalendar.load(path: Fixture.path("ics/\(name)"))
        return try calendar.occurrences(
            from: Fixture.instant(from), to: Fixture.instant(to), floatingZone: Fixture.zone(zone))
    }

    @Test func zonesFromVTimezoneIANAUTCAndFloating() throws {
        let found = try expand(
            "zones.ics", zone: "America/Santiago", from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z")
        func start(_ summary: String) -> [Date] { found.filter { $0.summary == summary }.map(\.start) }
        #expect(start("VTIMEZONE winter") == [Fixture.instant("2026-01-15T14:00:00Z")])
        #expect(start("VTIMEZONE summer") == [Fixture.instant("2026-07-15T13:00:00Z")])
        #expect(start("IANA Santiago") == [Fixture.instant("2026-09-18T13:00:00Z")])
        #expect(start("UTC value") == [Fixture.instant("2026-06-01T12:00:00Z")])
        #expect(start("Floating value") == [Fixture.instant("2026-06-01T16:00:00Z")])
        #expect(
            start("Weekly across DST") == [
                Fixture.instant("2026-03-01T14:00:00Z"), Fixture.instant("2026-03-08T13:00:00Z"),
                Fixture.instant("2026-03-15T13:00:00Z"),
            ])
        let santiago = try #require(found.first { $0.summary == "IANA Santiago" })
        #expect(santiago.end == Fixture.instant("2026-09-18T15:00:00Z"))
        #expect(santiago.uid == "iana@test")
        #expect(found.map(\.start) == found.map(\.start).sorted())
    }

    @Test func allDayAndMultiDayEvents() throws {
        let found = try expand(
            "events.ics", zone: "Europe/Madrid", from: "2026-10-01T00:00:00Z", to: "2027-01-01T00:00:00Z")
        let christmas = try #require(found.first { $0.uid == "single-day@test" })
        #expect(christmas.summary == "Christmas, closed")
        #expect(christmas.allDay)
        #expect(christmas.start == Fixture.instant("2026-12-24T23:00:00Z"))
        #expect(christmas.end == Fixture.instant("2026-12-25T23:00:00Z"))
        let holiday = try #require(found.first { $0.uid == "multi-day@test" })
        #expect(holiday.end.timeIntervalSince(holiday.start) == 3 * 86_400)
        let weekend = try #require(found.first { $0.uid == "duration-days@test" })
        #expect(weekend.start == Fixture.instant("2026-10-22T22:00:00Z"))
        #expect(weekend.end == Fixture.instant("2026-10-25T23:00:00Z"), "P3D spans the 25-hour day")
    }

    @Test func exdateRdateAndOverrides() throws {
        let found = try expand(
            "events.ics", zone: "Europe/Madrid", from: "2026-11-01T00:00:00Z", to: "2026-11-30T00:00:00Z")
        let standups = found.filter { $0.uid == "standup@test" }
        #expect(
            standups.map(\.start) == [
                Fixture.instant("2026-11-02T08:30:00Z"), Fixture.instant("2026-11-06T08:30:00Z"),
                Fixture.instant("2026-11-07T10:00:00Z"), Fixture.instant("2026-11-09T08:30:00Z"),
                Fixture.instant("2026-11-11T14:00:00Z"), Fixture.instant("2026-11-18T08:30:00Z"),
                Fixture.instant("2026-11-20T08:30:00Z"),
            ])
        #expect(standups.allSatisfy { $0.end.timeIntervalSince($0.start) == 900 })
        #expect(standups.filter { $0.summary == "Standup (moved)" }.count == 1)
    }

    @Test func allDayRuleInsideVEvent() throws {
        let found = try expand(
            "events.ics", zone: "Europe/Madrid", from: "2026-11-01T00:00:00Z", to: "2027-12-31T00:00:00Z")
        let rules = Fixture.zone("Europe/Madrid")
        let sales = found.filter { $0.uid == "monthly-allday@test" }.map { rules.local(at: $0.start).date.description }
        #expect(sales == ["2026-11-30", "2026-12-28", "2027-01-25"])
    }

    @Test func windowIsHalfOpenAndKeepsEventsThatStartedBefore() throws {
        let found = try expand(
            "events.ics", zone: "Europe/Madrid", from: "2026-12-25T23:00:00Z", to: "2026-12-26T23:00:00Z")
        #expect(found.map(\.uid) == ["multi-day@test"])
    }

    @Test func unboundedRuleIsBoundedByTheWindow() throws {
        let found = try expand("never-ends.ics", zone: "UTC", from: "2026-05-01T00:00:00Z", to: "2026-05-08T00:00:00Z")
        #expect(found.count == 7)
        #expect(found.first?.start == Fixture.instant("2026-05-01T00:00:00Z"))
    }

    @Test func declaredTimeZone() throws {
        let events = try ICSCalendar.load(path: Fixture.path("ics/events.ics"))
        let zones = try ICSCalendar.load(path: Fixture.path("ics/zones.ics"))
        #expect(events.declaredTimeZone == "Europe/Madrid")
        #expect(zones.declaredTimeZone == nil)
    }

    @Test func csvLinesUseTheZoneOffsetAndQuoteCommas() throws {
        let found = try expand(
            "events.ics", zone: "Europe/Madrid", from: "2026-12-25T00:00:00Z", to: "2026-12-25T01:00:00Z")
        let rules = Fixture.zone("Europe/Madrid")
        #expect(
            found.map(rules.csvLine) == [
                "2026-12-24T00:00:00+01:00,2026-12-27T00:00:00+01:00,Holiday hours",
                "2026-12-25T00:00:00+01:00,2026-12-26T00:00:00+01:00,\"Christmas, closed\"",
            ])
    }

    @Test func byteOrderMarkBareLineFeedsAndFoldedLines() throws {
        let text =
            "\u{FEFF}BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:fold@test\nDTSTART;VALUE=DATE:20260918\n"
            + "SUMMARY:Fiestas\n  Patrias\nEND:VEVENT\nEND:VCALENDAR\n"
        let calendar = ICSCalendar(text: text, source: "inline.ics")
        let rules = Fixture.zone("America/Santiago")
        #expect(calendar.problems(floatingZone: rules).isEmpty)
        let found = try calendar.occurrences(
            from: Fixture.instant("2026-09-01T00:00:00Z"), to: Fixture.instant("2026-10-01T00:00:00Z"),
            floatingZone: rules)
        #expect(found.map(\.summary) == ["Fiestas Patrias"])
        #expect(found.first?.start == Fixture.instant("2026-09-18T03:00:00Z"))
    }

    @Test func dtstartIsTheFirstInstanceEvenWhenTheRuleSkipsIt() throws {
        let text = """
            BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:first@test\r\nDTSTART:20260101T090000Z\r\n\
            RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2\r\nSUMMARY:Kick-off\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
            """
        let found = try ICSCalendar(text: text, source: "inline.ics").occurrences(
            from: Fixture.instant("2026-01-01T00:00:00Z"), to: Fixture.instant("2026-02-01T00:00:00Z"),
            floatingZone: Fixture.zone("UTC"))
        #expect(
            found.map(\.start) == [
                Fixture.instant("2026-01-01T09:00:00Z"), Fixture.instant("2026-01-05T09:00:00Z"),
            ], "RFC 5545: DTSTART counts towards COUNT=2")
    }

    @Test func foldInsideAMultiByteCharacter() throws {
        var bytes = Array("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nSUMMARY:A".utf8)
        bytes += [0xC3, 0x0D, 0x0A, 0x20, 0xB1] + Array("o Nuevo\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fold-\(UUID().uuidString).ics").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let found = try ICSCalendar.load(path: path).occurrences(
            from: Fixture.instant("2026-01-01T00:00:00Z"), to: Fixture.instant("2026-01-02T00:00:00Z"),
            floatingZone: Fixture.zone("UTC"))
        #expect(found.map(\.summary) == ["A\u{F1}o Nuevo"])
    }
}

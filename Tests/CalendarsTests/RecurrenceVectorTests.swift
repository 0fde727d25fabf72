import Foundation
import Testing
import Zones

@testable import Calendars

/// One golden expansion from `Fixtures/rrule-vectors.json` (generated once by python-dateutil).
struct RecurrenceVector: Decodable, CustomTestStringConvertible, Sendable {
    let name: String
    let rule: String
    let dtstart: String
    let from: String
    let to: String
    let expected: [String]

    var testDescription: String { name }

    static let all: [RecurrenceVector] = {
        struct Document: Decodable { let vectors: [RecurrenceVector] }
        let url = URL(fileURLWithPath: Fixture.path("rrule-vectors.json"))
        guard let data = try? Data(contentsOf: url), let document = try? JSONDecoder().decode(Document.self, from: data)
        else { return [] }
        return document.vectors
    }()
}

@Suite struct RecurrenceVectorTests {
    @Test func vectorsAreLoaded() {
        #expect(RecurrenceVector.all.count >= 30)
    }

    @Test func vectorsCoverEveryRulePart() {
        let text = RecurrenceVector.all.map(\.rule).joined(separator: ";")
        for part in [
            "FREQ=YEARLY", "FREQ=MONTHLY", "FREQ=WEEKLY", "FREQ=DAILY", "BYDAY=", "BYMONTHDAY=", "BYMONTH=",
            "BYSETPOS=",
            "BYYEARDAY=", "BYWEEKNO=", "BYHOUR=", "BYMINUTE=", "BYSECOND=", "COUNT=", "UNTIL=", "INTERVAL=", "WKST=",
        ] {
            #expect(text.contains(part), "no vector uses \(part)")
        }
    }

    @Test(arguments: RecurrenceVector.all)
    func expansionMatchesDateutil(_ vector: RecurrenceVector) throws {
        let utc = Fixture.zone("UTC")
        let event = RecurringEvent(
            summary: vector.name, start: .dateTime(Fixture.local(vector.dtstart)), length: .seconds(0),
            rule: try RecurrenceRule(vector.rule))
        let calendar = EventCalendar(
            name: vector.name, timeZone: Zone(identifier: "UTC")!, sources: [.recurring(event)])
        let occurrences = try calendar.occurrences(
            from: utc.date(of: Fixture.local(vector.from)), to: utc.date(of: Fixture.local(vector.to)))
        #expect(occurrences.map { utc.local(at: $0.start).description } == vector.expected)
    }
}

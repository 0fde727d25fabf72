import Foundation
import Plans
import Testing

@testable import Engine

/// An event trigger's `match`: a case-insensitive regular expression over the event's summary (Swift's regex
/// engine; the plan check compiles it with the same engine, so a pattern that passes the check is the one run).
@Suite struct EventMatchTests {
    static let calendar = """
        calendars:
          sales:
            timezone: America/Santiago
            events:
              - { summary: Black Friday sale, start: 2026-11-27T09:00, end: 2026-11-27T21:00 }
              - { summary: "black friday (outlet)", start: 2026-11-28T09:00, end: 2026-11-28T21:00 }
              - { summary: Cyber Monday, start: 2026-11-30T09:00, end: 2026-11-30T21:00 }
              - { summary: Fridays for inventory, start: 2026-12-04T09:00, end: 2026-12-04T21:00 }
        """

    static func plan(match: String) -> String {
        """
        plan: sales-days
        title: Sales days
        owner: ops-lead
        timezone: America/Santiago
        foresee:
          event: { calendar: sales, match: "\(match)" }
        actions:
          - notify: customers
            via: sms
            before: [1d]
            message:
              es: "{{brand}}: venta especial el {{onset_date}}."
              en: "{{brand}}: special sale on {{onset_date}}."
        """
    }

    func onsets(match: String) throws -> [Date] {
        let set = try loadPlans(
            ["defs.yaml": definitions, "cal.yaml": Self.calendar, "plan.yaml": Self.plan(match: match)])
        var simulator = try Simulator(planSet: set, traces: [:])
        let outcome = simulator.run(from: utc("2026-11-20T00:00:00Z"), to: utc("2026-12-10T00:00:00Z"))
        return outcome.occurrences.map(\.onset).sorted()
    }

    @Test func matchesSummariesIgnoringCase() throws {
        // 09:00 in Santiago (UTC−3 in November) is 12:00Z.
        #expect(try onsets(match: "BLACK FRIDAY") == [utc("2026-11-27T12:00:00Z"), utc("2026-11-28T12:00:00Z")])
        #expect(try onsets(match: "^cyber|outlet\\\\)$") == [utc("2026-11-28T12:00:00Z"), utc("2026-11-30T12:00:00Z")])
    }

    @Test func withoutMatchEveryEventCounts() throws {
        let set = try loadPlans([
            "defs.yaml": definitions, "cal.yaml": Self.calendar,
            "plan.yaml": Self.plan(match: "x").replacingOccurrences(of: ", match: \"x\"", with: ""),
        ])
        var simulator = try Simulator(planSet: set, traces: [:])
        let outcome = simulator.run(from: utc("2026-11-20T00:00:00Z"), to: utc("2026-12-10T00:00:00Z"))
        #expect(outcome.occurrences.count == 4)
    }

    @Test func anInvalidPatternIsRefusedByThePlanCheck() {
        let files = ["defs.yaml": definitions, "cal.yaml": Self.calendar, "plan.yaml": Self.plan(match: "(friday")]
        #expect {
            _ = try loadPlans(files)
        } throws: { error in
            "\(error)".contains("invalid regular expression '(friday'")
        }
    }
}

import Foundation
import Plans
import Staffing
import Testing

@testable import Engine

/// Staffing actions alert only on a gap, with the Erlang numbers in the message.
@Suite struct StaffingPlanTests {
    static func plan(scheduled: Int) -> String {
        """
        plan: sale-staff
        title: Sale
        owner: ops-lead
        timezone: UTC
        foresee:
          event: { calendar: sales }
        actions:
          - staff: on-call
            via: ops
            before: [7d]
            volume: 300
            per: 1h
            handle_time: 4m
            target: 80% in 20s
            shrinkage: 30%
            max_occupancy: 85%
            scheduled: \(scheduled)
            message:
              es: "Faltan {{staff_gap}}: se necesitan {{required_agents}}, hay {{scheduled_agents}}."
              en: "{{staff_gap}} short: {{required_agents}} needed, {{scheduled_agents}} scheduled."
        """
    }
    static let calendar = """
        calendars:
          sales:
            events:
              - { summary: Sale, date: 2026-06-10 }
        """

    func run(scheduled: Int) throws -> Simulator.Outcome {
        let set = try loadPlans([
            "defs.yaml": definitions, "cal.yaml": Self.calendar, "plan.yaml": Self.plan(scheduled: scheduled),
        ])
        var simulator = try Simulator(planSet: set, traces: [:])
        return simulator.run(from: utc("2026-05-30T00:00:00Z"), to: utc("2026-06-11T00:00:00Z"))
    }

    /// The numbers computed independently through Staffing.
    var expected: StaffingResult {
        get throws {
            try StaffingResult(
                for: StaffingRequest(
                    volume: 300, period: 3600, handleTime: 240,
                    target: Staffing.ServiceLevelTarget(fraction: 0.8, within: 20),
                    shrinkage: 0.3, maximumOccupancy: 0.85))
        }
    }

    @Test func aGapAlertsWithTheErlangNumbers() throws {
        let need = try expected.scheduledAgents
        let outcome = try run(scheduled: need - 4)
        let notices = outcome.notices.map(\.notice)
        #expect(notices.count == 2)
        #expect(notices.allSatisfy { $0.kind == .staffing })
        let english = try #require(notices.first { $0.locale == "en" })
        #expect(english.text == "4 short: \(need) needed, \(need - 4) scheduled.")
        #expect(english.data["agents_on_phones"] == String(try expected.requiredAgents))
    }

    @Test func noGapNoAlert() throws {
        let need = try expected.scheduledAgents
        let outcome = try run(scheduled: need)
        #expect(outcome.notices.isEmpty)
        let reasons = outcome.entries.compactMap {
            if case .skip(_, _, _, let reason) = $0.decision { reason } else { nil }
        }
        #expect(reasons == ["no staffing gap: \(need) needed, \(need) scheduled"])
    }
}

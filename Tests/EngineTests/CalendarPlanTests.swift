import Foundation
import Plans
import Testing
import Zones

@testable import Engine

/// Calendar plans over months of virtual time, across the DST changes of America/Santiago
/// (2026-04-05: UTC−3 → UTC−4; 2026-09-06: UTC−4 → UTC−3).
@Suite struct CalendarPlanTests {
    static let plan = """
        plan: monthly-maintenance
        title: Monthly maintenance
        owner: ops-lead
        timezone: America/Santiago
        foresee:
          event: { calendar: maintenance }
        actions:
          - notify: customers
            via: sms
            before: [3d, 1d, 2h]
            message:
              es: "{{brand}}: mantención el {{onset_date}} a las {{onset_time}} ({{lead}})."
              en: "{{brand}}: maintenance on {{onset_date}} at {{onset_time}} ({{lead}})."
        """
    static let calendar = """
        calendars:
          maintenance:
            timezone: America/Santiago
            events:
              - { summary: Maintenance, start: 2026-01-05T09:00, end: 2026-01-05T11:00, rrule: "FREQ=MONTHLY;BYMONTHDAY=5" }
        """

    func planSet() throws -> PlanSet {
        try loadPlans(["defs.yaml": definitions, "cal.yaml": Self.calendar, "plan.yaml": Self.plan])
    }

    @Test func everyLeadFiresExactlyOnceAtItsMomentAcrossDST() throws {
        let set = try planSet()
        var simulator = try Simulator(planSet: set, traces: [:])
        let outcome = simulator.run(from: utc("2026-02-20T00:00:00Z"), to: utc("2026-10-20T00:00:00Z"))
        let notices = outcome.notices
        let keys = notices.map(\.notice.key)
        #expect(Set(keys).count == keys.count, "a notice was issued twice")
        let occurrences = outcome.occurrences
        #expect(occurrences.count == 8)  // March to October, the 5th at 09:00
        var zone = Calendar(identifier: .gregorian)
        zone.timeZone = TimeZone(identifier: "America/Santiago")!
        for occurrence in occurrences {
            let local = zone.dateComponents([.day, .hour, .minute], from: occurrence.onset)
            #expect(
                local.day == 5 && local.hour == 9 && local.minute == 0, "onset \(occurrence.onset) is not 09:00 local")
            #expect(occurrence.state == .ended)
            for lead in [3 * 86_400.0, 86_400, 7_200] {
                let step = notices.filter {
                    $0.notice.key.occurrence == occurrence.id && $0.notice.onset.timeIntervalSince($0.at) <= lead + 1
                        && $0.notice.onset.timeIntervalSince($0.at) > lead - 300
                }
                #expect(step.count == 3, "lead \(lead) of \(occurrence.id): \(step.count) notices")
                #expect(step.allSatisfy { !$0.notice.isLate })
            }
        }
        #expect(notices.count == 8 * 3 * 3)
    }

    @Test func offsetChangesAreReflectedInTheInstants() throws {
        let set = try planSet()
        var simulator = try Simulator(planSet: set, traces: [:])
        let outcome = simulator.run(from: utc("2026-03-20T00:00:00Z"), to: utc("2026-04-10T00:00:00Z"))
        let onsets = outcome.occurrences.map(\.onset)
        // 2026-04-05 09:00 is after the change back to UTC−4: 13:00Z, not 12:00Z.
        #expect(onsets == [utc("2026-04-05T13:00:00Z")])
        let texts = outcome.notices.map(\.notice.text)
        #expect(texts.contains("Tienda: mantención el 05-04-2026 a las 09:00 (3 días)."))
        #expect(texts.contains("Tienda: maintenance on 2026-04-05 at 09:00 (1 day)."))
    }

    @Test func restartingOnTheSameStoreNeitherRepeatsNorLosesANotice() throws {
        let set = try planSet()
        let (from, middle, to) = (utc("2026-02-20T00:00:00Z"), utc("2026-05-04T10:07:00Z"), utc("2026-07-20T00:00:00Z"))
        var whole = try Simulator(planSet: set, traces: [:])
        let reference = Set(whole.run(from: from, to: to).notices.map(\.notice.key))
        let store = InMemoryOccurrenceStore()
        var first = try Simulator(planSet: set, traces: [:], store: store)
        let before = first.run(from: from, to: middle).notices.map(\.notice.key)
        var second = try Simulator(planSet: set, traces: [:], store: store)  // a new process on the same store
        let after = second.run(from: middle.addingTimeInterval(120), to: to).notices.map(\.notice.key)
        #expect(Set(before).isDisjoint(with: after))
        #expect(Set(before + after) == reference)
        #expect(before.count + after.count == reference.count)
    }

    @Test func aStepLearnedLateIsSentOnceMarkedLateAndOlderOnesAreSkipped() throws {
        let set = try planSet()
        var simulator = try Simulator(planSet: set, traces: [:])
        // Starts 20 h before the 2026-03-05 09:00 onset (12:00Z): 3d and 1d are both past.
        let outcome = simulator.run(from: utc("2026-03-04T16:00:00Z"), to: utc("2026-03-05T12:00:00Z"))
        let notices = outcome.notices.map(\.notice)
        #expect(notices.filter { $0.key.step == "before-1d" }.count == 3)
        #expect(notices.filter { $0.key.step == "before-1d" }.allSatisfy { $0.isLate })
        #expect(notices.filter { $0.key.step == "before-3d" }.isEmpty)
        #expect(notices.filter { $0.key.step == "before-2h" }.allSatisfy { !$0.isLate })
        let skipped = outcome.entries.contains {
            if case .skip(_, _, "before-3d", _) = $0.decision { true } else { false }
        }
        #expect(skipped)
    }
}

import Foundation
import Plans
import Testing

@testable import Engine

/// `Engine.drill`: one occurrence as if foreseen now, every step's notices rendered and marked as a drill.
@Suite struct DrillTests {
    static let plan = """
        plan: surge
        title: Surge
        owner: ops-lead
        timezone: America/Santiago
        foresee:
          forecast: { signal: load, above: 900, within: 6h, confidence: 0.8, for: 15m }
        actions:
          - notify: on-call
            via: sms
            before: [1d, 2h]
            on_cancel: true
            message:
              es: "Se prevé carga sobre {{capacity}} en {{lead}}{{#drill}} (simulacro){{/drill}}."
              en: "Load above {{capacity}} in {{lead}}{{#drill}} (drill){{/drill}}."
            cancel_message:
              es: "Falsa alarma."
              en: "All clear."
          - webhook: ops
            event_type: forewarn.surge
            before: [2h]
        """

    @Test func everyStepOfEveryActionIsRenderedWithTheLocalesDrillPrefix() throws {
        let set = try loadPlans(["defs.yaml": definitions, "plan.yaml": Self.plan])
        var engine = try Engine(planSet: set, store: InMemoryOccurrenceStore())
        let now = utc("2026-06-01T12:00:00Z")
        let made = engine.drill(plan: "surge", now: now, drillID: "d1")
        let drill = try #require(made)
        #expect(drill.occurrence.onset == now.addingTimeInterval(86_400))  // the longest lead ahead
        let steps = drill.notices.map { "\($0.key.action)/\($0.key.step)/\($0.key.recipient)" }
        #expect(
            steps == [
                "0/before-1d/ops-lead", "0/before-1d/sre", "0/before-2h/ops-lead", "0/before-2h/sre",
                "0/cancel/ops-lead", "0/cancel/sre", "1/before-2h/ops",
            ])
        let spanish = try #require(drill.notices.first { $0.key.recipient == "ops-lead" })
        #expect(spanish.text == "[SIMULACRO] Se prevé carga sobre 900 en 1 día (simulacro).")
        let english = try #require(drill.notices.first { $0.key.recipient == "sre" && $0.key.step == "before-2h" })
        #expect(english.text == "[DRILL] Load above 900 in 2 h (drill).")
        #expect(drill.notices.first { $0.key.step == "cancel" && $0.locale == "en" }?.text == "[DRILL] All clear.")
        #expect(drill.notices.allSatisfy { $0.isDrill && $0.data["drill"] == "true" })
        #expect(drill.notices.last?.eventType == "forewarn.surge")
    }

    @Test func drillIdentitiesNeverMeetRealOnesAndNothingIsRecorded() throws {
        let set = try loadPlans(["defs.yaml": definitions, "plan.yaml": Self.plan])
        let store = InMemoryOccurrenceStore()
        var engine = try Engine(planSet: set, store: store)
        let now = utc("2026-06-01T12:00:00Z")
        let made = (
            engine.drill(plan: "surge", now: now, drillID: "d1"), engine.drill(plan: "surge", now: now, drillID: "d2")
        )
        let first = try #require(made.0)
        let second = try #require(made.1)
        let real = Occurrence.id(plan: "surge", triggerKey: "forecast:load", onset: first.occurrence.onset)
        #expect(first.occurrence.id != real && first.occurrence.id.hasPrefix("surge/drill:d1/"))
        #expect(Set(first.notices.map(\.key)).isDisjoint(with: second.notices.map(\.key)))
        #expect(store.allOccurrences().isEmpty && store.notices(of: first.occurrence.id).isEmpty)
        let missing = engine.drill(plan: "nope", now: now, drillID: "d3")
        #expect(missing == nil)
    }
}

import Foundation
import Plans
import Signals
import Testing

@testable import Engine

/// Forecast plans: warn after the `for` debounce, keep identity while the prediction moves, cancel with an
/// all-clear to those told; a stale signal alerts the owner and no customer.
@Suite struct ForecastPlanTests {
    static let plan = """
        plan: surge
        title: Surge
        owner: ops-lead
        timezone: UTC
        foresee:
          forecast: { signal: load, above: 900, within: 6h, confidence: 0.8, for: 15m }
        actions:
          - notify: on-call
            via: sms
            before: [2h]
            on_cancel: true
            message:
              es: "Carga sobre {{capacity}} a las {{onset_time}}."
              en: "Load above {{capacity}} at {{onset_time}}."
            cancel_message:
              es: "Falsa alarma."
              en: "All clear."
          - notify: customers
            via: sms
            before: [1h]
            message:
              es: "Habrá lentitud a las {{onset_time}}."
              en: "Expect slowness at {{onset_time}}."
        """

    func engine(crossing: Date?) throws -> Engine {
        let set = try loadPlans(["defs.yaml": definitions, "plan.yaml": Self.plan])
        return try Engine(
            planSet: set, store: InMemoryOccurrenceStore(),
            forecasters: ["load": ScriptedForecaster(crossing: crossing)])
    }

    func run(
        _ engine: inout Engine, from: Date, minutes: Int, crossing: (Date) -> Date?, value: Double = 500
    ) -> [(Date, Decision)] {
        var out: [(Date, Decision)] = []
        for minute in stride(from: 0, to: minutes, by: 5) {
            let now = from.addingTimeInterval(Double(minute) * 60)
            engine.forecasters["load"] = ScriptedForecaster(crossing: crossing(now))
            out += engine.tick(now: now, signals: healthy(value, at: now)).map { (now, $0) }
        }
        return out
    }

    @Test func debounceWarnThenCancelWithAllClear() throws {
        var engine = try engine(crossing: nil)
        let t0 = utc("2026-05-01T10:00:00Z")
        // A crossing at 13:00 is foreseen from 10:00; a brief blip before is not.
        var log = run(&engine, from: t0.addingTimeInterval(-3600), minutes: 10) { _ in utc("2026-05-01T13:00:00Z") }
        log += run(&engine, from: t0.addingTimeInterval(-3000), minutes: 50) { _ in nil }
        #expect(!log.contains { if case .foresee = $0.1 { true } else { false } }, "a 10-minute blip was foreseen")
        // Held from 10:00: foreseen at 10:15 (for: 15m); the prediction drifts by minutes, the id stays.
        log = run(&engine, from: t0, minutes: 90) { now in
            utc("2026-05-01T13:00:00Z").addingTimeInterval(now.timeIntervalSince(t0) / 10)
        }
        let foreseen = log.compactMap { if case .foresee(let o) = $0.1 { ($0.0, o) } else { nil } }
        #expect(foreseen.count == 1)
        #expect(foreseen.first?.0 == utc("2026-05-01T10:15:00Z"))
        let id = try #require(foreseen.first?.1.id)
        let warned = log.map(\.1).notices.filter { $0.key.step == "before-2h" }
        #expect(warned.count == 2 && warned.allSatisfy { $0.key.occurrence == id })
        #expect(log.map(\.1).notices.filter { !$0.isCustomer }.count == 2)
        // Recedes: cancelled 15 minutes later, an all-clear to the two told, nothing to customers.
        log = run(&engine, from: t0.addingTimeInterval(90 * 60), minutes: 30) { _ in nil }
        let cancelled = log.compactMap { if case .cancel(let o) = $0.1 { ($0.0, o) } else { nil } }
        #expect(cancelled.map(\.1.id) == [id])
        #expect(cancelled.first?.0 == t0.addingTimeInterval(105 * 60))
        let allClear = log.map(\.1).notices
        #expect(allClear.count == 2 && allClear.allSatisfy { $0.key.step == "cancel" && $0.kind == .cancel })
        #expect(Set(allClear.map(\.text)) == ["Falsa alarma.", "All clear."])
        #expect(engine.store.occurrence(id: id)?.state == .cancelled)
    }

    @Test func aBreachStartsTheOccurrenceAndItsEndFollowsTheDebounce() throws {
        var engine = try engine(crossing: nil)
        let t0 = utc("2026-05-01T10:00:00Z")
        _ = run(&engine, from: t0, minutes: 30) { _ in utc("2026-05-01T11:00:00Z") }
        let breach = run(&engine, from: t0.addingTimeInterval(1800), minutes: 60, crossing: { _ in nil }, value: 950)
        #expect(breach.contains { if case .start = $0.1 { true } else { false } })
        let after = run(&engine, from: t0.addingTimeInterval(5400), minutes: 30, crossing: { _ in nil }, value: 400)
        let ends = after.compactMap { if case .end = $0.1 { $0.0 } else { nil } }
        #expect(ends == [t0.addingTimeInterval(5400 + 15 * 60)])
        #expect(!after.contains { if case .cancel = $0.1 { true } else { false } })
    }

    @Test func aStaleSignalAlertsTheOwnerOnceAndNoCustomer() throws {
        var engine = try engine(crossing: utc("2026-05-01T11:30:00Z"))
        let t0 = utc("2026-05-01T10:00:00Z")
        var feed = InMemorySignalFeed(staleAfter: ["load": 180])
        feed.samples["load"] = stride(from: 0, to: 10 * 60, by: 60).map {
            Signals.Sample(time: t0.addingTimeInterval(Double($0)), value: .number(500))
        }
        var decisions: [Decision] = []
        for minute in stride(from: 0, to: 180, by: 5) {
            let now = t0.addingTimeInterval(Double(minute) * 60)
            decisions += engine.tick(now: now, signals: feed.snapshot(names: ["load"], at: now))
        }
        // Foreseen at 10:15 while fresh; samples stop at 10:09, stale from 10:12: the owner hears once.
        let alerts = decisions.ownerAlerts
        #expect(alerts.count == 1)
        #expect(alerts.first?.owner == "ops-lead" && alerts.first?.receiver == "ops")
        #expect(alerts.first?.text.contains("load") == true)
        #expect(decisions.notices.filter(\.isCustomer).isEmpty)
    }
}

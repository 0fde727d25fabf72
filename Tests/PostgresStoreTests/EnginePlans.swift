import Engine
import Forecast
import Foundation
import Plans
import Signals

/// A forecast plan for the engine-level tests (copied from Tests/EngineTests: ForecastPlanTests and Support):
/// on-call staff warned 2 h ahead with an all-clear when the forecast recedes, customers 1 h ahead.
enum EnginePlans {
    static let definitions = """
        receivers:
          sms:
            kind: form
            url: http://127.0.0.1:9/sms
            fields: { to: "{{to}}", text: "{{text}}" }
          ops:
            kind: webhook
            url: http://127.0.0.1:9/ops
        audiences:
          on-call:
            kind: staff
            recipients:
              - { id: ops-lead, name: Carla, phone: "+56900000201", locale: es }
              - { id: sre, name: Sam, phone: "+56900000202", locale: en }
          customers:
            kind: customers
            recipients:
              - { id: c1, phone: "+56900000301", locale: es, consent: true }
        policies:
          locales: [es, en]
          owner_via: ops
          tick: 5m
        signals:
          load:
            kind: push
            interval: 1m
        """

    static let surge = """
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
            message: { es: "Carga sobre {{capacity}} a las {{onset_time}}.", en: "Load above {{capacity}} at {{onset_time}}." }
            cancel_message: { es: "Falsa alarma.", en: "All clear." }
          - notify: customers
            via: sms
            before: [1h]
            message: { es: "Habrá lentitud a las {{onset_time}}.", en: "Expect slowness at {{onset_time}}." }
        """

    /// The plan set, loaded from a fresh temporary directory.
    static func planSet() throws -> PlanSet {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "engine-plans-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try definitions.write(to: directory.appendingPathComponent("defs.yaml"), atomically: true, encoding: .utf8)
        try surge.write(to: directory.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
        let result = PlanLoader().load(directory: directory.path)
        guard let set = result.planSet, !result.diagnostics.contains(where: { $0.severity == .error }) else {
            throw PlanProblem(description: result.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return set
    }

    /// An engine over `store` whose forecast crosses 900 at `crossing` (nil: no crossing in sight).
    static func engine(store: any OccurrenceStore, crossing: Date?) throws -> Engine {
        try Engine(planSet: try planSet(), store: store, forecasters: ["load": ScriptedForecaster(crossing: crossing)])
    }

    /// Ticks every 5 minutes for `minutes` from `from` with the crossing `crossing(now)`; returns the decisions.
    static func run(
        _ engine: inout Engine, from: Date, minutes: Int, crossing: (Date) -> Date?
    ) -> [Decision] {
        var decisions: [Decision] = []
        for minute in stride(from: 0, to: minutes, by: 5) {
            let now = from.addingTimeInterval(Double(minute) * 60)
            engine.forecasters["load"] = ScriptedForecaster(crossing: crossing(now))
            let snapshot = SignalSnapshot(
                health: ["load": .healthy], latest: ["load": Signals.Sample(time: now, value: .number(500))])
            decisions += engine.tick(now: now, signals: snapshot)
        }
        return decisions
    }
}

struct PlanProblem: Error, CustomStringConvertible {
    var description: String
}

/// A forecaster whose crossing time the test sets.
struct ScriptedForecaster: LoadForecaster {
    var crossing: Date?
    mutating func observe(_ sample: Forecast.Sample) -> Bool { true }
    func timeToCross(threshold: Double, direction: CrossingDirection, confidence: Double, within: TimeInterval) -> Date?
    {
        crossing
    }
    func expectedValues(at times: [Date]) -> [Double] { times.map { _ in 0 } }
    func crossingPath(within: TimeInterval, confidence: Double) -> (origin: Date, points: [ForecastPoint]) {
        guard let crossing else { return (.distantPast, []) }
        return (
            crossing.addingTimeInterval(-within / 2),
            [ForecastPoint(time: crossing, value: .nan, lower: .infinity, upper: -.infinity)]
        )
    }
}

extension Array where Element == Decision {
    /// The notices enqueued.
    var notices: [NoticeRequest] { compactMap { if case .enqueue(let notice) = $0 { notice } else { nil } } }
    /// The occurrences foreseen.
    var foreseen: [Occurrence] { compactMap { if case .foresee(let occurrence) = $0 { occurrence } else { nil } } }
    /// The occurrences cancelled.
    var cancelled: [Occurrence] { compactMap { if case .cancel(let occurrence) = $0 { occurrence } else { nil } } }
}

import Engine
import Forecast
import Foundation
import Plans
import Signals

/// The forecast plan of the engine-level tests (`Fixtures/engine-plans`): on-call staff warned 2 h ahead with an
/// all-clear when the forecast recedes, customers 1 h ahead.
enum EnginePlans {
    /// The plan set in `Fixtures/engine-plans`.
    static func planSet() throws -> PlanSet {
        guard
            let directory = Bundle.module.url(
                forResource: "engine-plans", withExtension: nil, subdirectory: "Fixtures")
        else { throw PlanProblem(description: "Fixtures/engine-plans is missing from the test bundle") }
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

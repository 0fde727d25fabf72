import Foundation
import Plans
import Signals

/// What the engine derives once per plan when it is built, so a tick neither copies the plan nor rebuilds
/// strings and looks signals up by name: a reference, passed around for one retain.
final class PlanRuntime: Sendable {
    /// The plan.
    let plan: Plan
    /// Per action, the completed-step names of its `before` steps (`0:before-3d`).
    let stepNames: [[String]]
    /// The plan's trigger when it is a single forecast, with its signal's slot and keys; else nil.
    let forecast: CompiledForecast?

    /// The key of the `for` debounce of the plan's trigger key `key` (`<plan>|<key>`).
    func pendingKey(_ key: String) -> String {
        if let forecast, forecast.key == key { return forecast.pendingKey }
        return plan.id + "|" + key
    }

    init(plan: Plan, slots: [String: Int]) {
        self.plan = plan
        stepNames = plan.actions.map { action in action.steps.before.map { "\(action.index):before-\($0)" } }
        if case .forecast(let trigger) = plan.trigger, let slot = slots[trigger.signal] {
            forecast = CompiledForecast(trigger: trigger, slot: slot, plan: plan.id)
        } else {
            forecast = nil
        }
    }
}

/// A forecast trigger with its signal interned to a slot and its keys built once.
struct CompiledForecast: Sendable {
    let trigger: ForecastTrigger
    /// The signal's index in `Engine.slotNames`.
    let slot: Int
    /// `forecast:<signal>`.
    let key: String
    /// `<plan>|forecast:<signal>`, the key of its `for` debounce.
    let pendingKey: String

    init(trigger: ForecastTrigger, slot: Int, plan: String) {
        self.trigger = trigger
        self.slot = slot
        key = "forecast:\(trigger.signal)"
        pendingKey = plan + "|" + key
    }
}

/// A forecast-read signal as a tick sees it, resolved once per tick instead of once per plan.
struct SlotReading: Sendable {
    var isHealthy: Bool
    var number: Double?
    var hasForecaster: Bool
}

/// A cached forecast path of one signal at one confidence.
struct CachedPath: Sendable {
    var confidence: Double
    var index: ForecastPathIndex
}

extension Engine {
    /// The signals forecast triggers read, interned: name → slot.
    static func internSignals(of plans: [Plan]) -> [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for plan in plans {
            for forecast in plan.trigger.forecasts where seen.insert(forecast.signal).inserted {
                names.append(forecast.signal)
            }
        }
        return names
    }

    /// Reads every slot's health, value and forecaster once for this tick (the buffer is reused).
    mutating func resolveSlots(_ signals: SignalSnapshot) {
        memory.readings.removeAll(keepingCapacity: true)
        for name in slotNames {
            memory.readings.append(
                SlotReading(
                    isHealthy: signals.isHealthy(name), number: signals.number(name),
                    hasForecaster: models.index(forKey: name) != nil))
        }
    }

    /// Drops the cached paths of `signal` (every signal when nil).
    mutating func dropPaths(of signal: String?) {
        guard let signal else {
            memory.slotPaths = Array(repeating: [], count: slotNames.count)
            return
        }
        if let slot = signalSlots[signal], !memory.slotPaths[slot].isEmpty { memory.slotPaths[slot] = [] }
    }
}

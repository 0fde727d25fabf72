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
    /// Whether a tick may skip the plan when nothing it reads changed and it is not due (`PlanSchedule`): a single
    /// forecast or calendar-event trigger. Other triggers are read on every tick.
    let isSchedulable: Bool
    /// The slot of the one signal a schedulable plan reads (its forecast's, or its event expectation's); nil: none.
    let dependency: Int?
    /// Every action's `before` leads, in seconds.
    let leads: [TimeInterval]

    /// The key of the `for` debounce of the plan's trigger key `key` (`<plan>|<key>`).
    func pendingKey(_ key: String) -> String {
        if let forecast, forecast.key == key { return forecast.pendingKey }
        return plan.id + "|" + key
    }

    init(plan: Plan, slots: [String: Int]) {
        self.plan = plan
        stepNames = plan.actions.map { action in action.steps.before.map { "\(action.index):before-\($0)" } }
        leads = plan.actions.flatMap { $0.steps.before.map(\.seconds) }
        switch plan.trigger {
        case .forecast(let trigger):
            let slot = slots[trigger.signal]
            forecast = slot.map { CompiledForecast(trigger: trigger, slot: $0, plan: plan.id) }
            (isSchedulable, dependency) = (slot != nil, slot)
        case .event(let event):
            forecast = nil
            let slot = event.expectation.flatMap { slots[$0.signal] }
            (isSchedulable, dependency) = (event.expectation == nil || slot != nil, slot)
        case .state, .any, .all:
            (forecast, isSchedulable, dependency) = (nil, false, nil)
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
struct SlotReading: Sendable, Equatable {
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
    /// The signals forecast triggers and event expectations read, interned: name → slot.
    static func internSignals(of plans: [Plan]) -> [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for plan in plans {
            let read = plan.trigger.forecasts.map(\.signal) + plan.trigger.expectationSignals
            for signal in read where seen.insert(signal).inserted { names.append(signal) }
        }
        return names
    }

    /// Reads every slot's health, value and forecaster once for this tick; a slot whose reading differs from the
    /// previous tick's gets a new version, so the plans reading it are evaluated.
    mutating func resolveSlots(_ signals: SignalSnapshot) {
        for (slot, name) in slotNames.enumerated() {
            let reading = SlotReading(
                isHealthy: signals.isHealthy(name), number: signals.number(name),
                hasForecaster: models.index(forKey: name) != nil)
            if slot == memory.readings.count {
                memory.readings.append(reading)
            } else if memory.readings[slot] != reading {  // a NaN value never equals: read again, to be safe
                memory.readings[slot] = reading
                memory.schedule.versions[slot] &+= 1
            }
        }
    }

    /// Drops the cached paths of `signal` (every signal when nil): its forecaster changed, so the plans reading it
    /// are evaluated on the next tick.
    mutating func dropPaths(of signal: String?) {
        guard let signal else {
            memory.slotPaths = Array(repeating: [], count: slotNames.count)
            for slot in memory.schedule.versions.indices { memory.schedule.versions[slot] &+= 1 }
            return
        }
        guard let slot = signalSlots[signal] else { return }
        if !memory.slotPaths[slot].isEmpty { memory.slotPaths[slot] = [] }
        memory.schedule.versions[slot] &+= 1
    }
}

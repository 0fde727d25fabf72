import Calendars
import Forecast
import Foundation
import Plans
import Signals
import Zones

/// The pure core of forewarn: on each tick (one injected `now`) it turns plans, signal snapshots,
/// forecasts and calendars into decisions — occurrences foreseen, rescheduled, started, ended or cancelled,
/// notices to enqueue and owner alerts. It performs no I/O; occurrences persist in an `OccurrenceStore`.
public struct Engine: Sendable {
    /// The plans, definitions and policies.
    public let planSet: PlanSet
    /// Where occurrences and issued notices persist.
    public let store: any OccurrenceStore
    /// Forecasters per signal name (absent: the signal cannot be forecast yet). Replacing one drops the
    /// forecast paths computed from the old ones.
    public var forecasters: [String: any LoadForecaster] {
        get { models }
        set {
            models = newValue
            dropPaths(of: nil)
        }
    }
    /// How far ahead calendar events are looked at beyond each plan's longest lead.
    public var lookahead: TimeInterval = 86_400 { didSet { memory.schedule.evaluateAll() } }
    /// A step sent more than this after its moment is marked late (default: two ticks).
    public var lateAfter: TimeInterval

    var models: [String: any LoadForecaster]
    let calendars: [String: EventCalendar]
    /// Per plan (in `planSet.plans` order), what is derived from it once.
    let runtimes: [PlanRuntime]
    /// The signals forecast triggers read, interned: `signalSlots[slotNames[i]] == i`.
    let slotNames: [String]
    let signalSlots: [String: Int]
    /// The longest `within` of the forecast triggers reading each signal.
    let longestWithin: [String: TimeInterval]
    /// Whether a tick skips the plans that are neither due nor read anything changed (`PlanSchedule`); off, every
    /// plan is evaluated on every tick (the equivalence tests compare both).
    var skipsQuietPlans = true
    var memory = EngineMemory()
    var renderer = MessageRenderer()

    /// Creates an engine; calendars are built from the set's definitions (each read in its own zone, else
    /// the zone of the first plan using it). Throws the first calendar that cannot be built.
    public init(planSet: PlanSet, store: any OccurrenceStore, forecasters: [String: any LoadForecaster] = [:]) throws {
        self.planSet = planSet
        self.store = store
        self.models = forecasters
        self.lateAfter = 2 * planSet.policies.tick.seconds
        var calendars: [String: EventCalendar] = [:]
        for (name, definition) in planSet.calendars {
            let zone = planSet.plans.first { $0.trigger.calendars.contains(name) }?.timeZone ?? Zone.utc
            calendars[name] = try EventCalendar(definition: definition, defaultTimeZone: zone)
        }
        self.calendars = calendars
        var longest: [String: TimeInterval] = [:]
        for plan in planSet.plans {
            for forecast in plan.trigger.forecasts {
                longest[forecast.signal] = max(longest[forecast.signal] ?? 0, forecast.within.seconds)
            }
        }
        self.longestWithin = longest
        let slotNames = Self.internSignals(of: planSet.plans)
        let slots = Dictionary(uniqueKeysWithValues: slotNames.enumerated().map { ($1, $0) })
        self.slotNames = slotNames
        self.signalSlots = slots
        self.runtimes = planSet.plans.map { PlanRuntime(plan: $0, slots: slots) }
        memory.slotPaths = Array(repeating: [], count: slotNames.count)
        memory.schedule = PlanSchedule(runtimes: runtimes, slots: slotNames.count)
        memory.timers = store.timers()
        memory.timersChanged = false
    }

    /// The signals the plans read (triggers, expectations, onsets, staffing volumes).
    public var signalNames: Set<String> {
        Set(planSet.plans.flatMap { plan in plan.trigger.signals + plan.actions.compactMap(\.volumeSignal) })
    }

    /// Evaluates every enabled plan at `now` against `signals` and returns what to do, in order.
    public mutating func tick(now: Date, signals: SignalSnapshot) -> [Decision] {
        var decisions: [Decision] = []
        let instant = now.timeIntervalSinceReferenceDate
        if instant < memory.schedule.lastTick { memory.schedule.evaluateAll() }  // the clock went back
        memory.schedule.lastTick = instant
        resolveSlots(signals)
        for index in plansToEvaluate(at: instant, everyPlan: !skipsQuietPlans) {
            evaluate(runtimes[index], at: index, now: now, signals: signals, into: &decisions)
            memory.evaluations &+= 1
        }
        if memory.timersChanged {
            store.saveTimers(memory.timers)
            memory.timersChanged = false
        }
        return decisions
    }

    /// Feeds a new sample of `signal` to its forecaster, if it has one.
    /// Its forecast paths are recomputed on the next tick that needs them.
    public mutating func observe(_ sample: Forecast.Sample, of signal: String) {
        guard var forecaster = models[signal] else { return }
        models[signal] = nil  // keep the forecaster uniquely referenced while it mutates
        if forecaster.observe(sample) { dropPaths(of: signal) }
        models[signal] = forecaster
    }
}

import Calendars
import Forecast
import Foundation
import Plans
import Signals

/// One way a plan's trigger currently foresees a contingency.
struct Candidate {
    /// `event:<calendar>:<summary>`, `forecast:<signal>`, `state:<signal>` or `all:<keys>`.
    var key: String
    var onset: Date
    var end: Date?
    /// Tracking candidates match the open occurrence of their key whatever its onset (hysteresis).
    var tracking: Bool
    /// Whether a matched occurrence takes this candidate's onset (forecasts) or keeps its own (states).
    var movesOnset: Bool
    /// Whether the contingency is happening now (a forecast signal already across its threshold).
    var isHappening: Bool = false
    var values: [String: String] = [:]
    /// A forecast's capacity and the signal's current value, formatted into `values` only when the candidate
    /// becomes a new occurrence (most ticks only match an open one).
    var capacity: Double?
    var signalValue: Double?

    /// `values` with the capacity and signal value, as a new occurrence keeps them.
    var resolvedValues: [String: String] {
        var result = values
        if let capacity { result["capacity"] = EngineFormat.number(capacity) }
        if let signalValue { result["signal_value"] = EngineFormat.number(signalValue) }
        return result
    }
}

/// What a plan's trigger says on one tick.
struct TriggerReading {
    var candidates: [Candidate] = []
    /// The `for` debounce per key.
    var debounce: [String: TimeInterval] = [:]
    /// Keys whose signal cannot be read now: their occurrences are left as they are.
    var frozen: Set<String> = []
    /// Signals the plan needs that are not healthy, with their health.
    var blind: [String: SignalHealth] = [:]
}

extension Engine {
    /// Reads `trigger` at `now`.
    mutating func read(_ trigger: Trigger, plan: Plan, now: Date, signals: SignalSnapshot) -> TriggerReading {
        var reading = TriggerReading()
        switch trigger {
        case .event(let event):
            readEvent(event, plan: plan, now: now, signals: signals, into: &reading)
        case .forecast(let forecast):
            readForecast(
                forecast, slot: signalSlots[forecast.signal]!, key: "forecast:\(forecast.signal)", now: now,
                signals: signals, into: &reading)
        case .state(let state):
            readState(state, plan: plan, now: now, signals: signals, into: &reading)
        case .any(let list):
            for child in list { reading.merge(read(child, plan: plan, now: now, signals: signals)) }
        case .all(let list):
            let parts = list.map { read($0, plan: plan, now: now, signals: signals) }
            var combined = TriggerReading()
            for part in parts {
                combined.merge(TriggerReading(debounce: part.debounce, frozen: part.frozen, blind: part.blind))
            }
            let key = "all:" + parts.flatMap { $0.debounce.keys.sorted() }.joined(separator: "+")
            combined.debounce[key] = 0
            if !combined.frozen.isEmpty { combined.frozen.insert(key) }
            if parts.allSatisfy({ !$0.candidates.isEmpty }) {
                let onset = parts.map { $0.candidates.map(\.onset).min()! }.max()!
                let ends = parts.compactMap { $0.candidates.compactMap(\.end).min() }
                combined.candidates = [
                    Candidate(key: key, onset: onset, end: ends.min(), tracking: true, movesOnset: false)
                ]
            }
            reading = combined
        }
        return reading
    }

    private mutating func readEvent(
        _ event: EventTrigger, plan: Plan, now: Date, signals: SignalSnapshot, into reading: inout TriggerReading
    ) {
        let horizon = (plan.actions.flatMap { $0.steps.before.map(\.seconds) }.max() ?? 0) + lookahead
        let events = upcomingEvents(of: event.calendar, from: now, to: now.addingTimeInterval(horizon))
        let pattern = event.match.map { cachedPattern($0) } ?? nil
        for item in events {
            if let pattern, !pattern.matches(item.summary) { continue }
            let key = "event:\(event.calendar):\(item.summary)"
            reading.debounce[key] = 0
            var candidate = Candidate(key: key, onset: item.start, end: item.end, tracking: false, movesOnset: false)
            if let expectation = event.expectation {
                // Decided once, when the event first comes into view; an open occurrence keeps its decision.
                let id = Occurrence.id(plan: plan.id, triggerKey: key, onset: item.start)
                if store.occurrence(id: id) == nil {
                    guard signals.isHealthy(expectation.signal), let forecaster = forecasters[expectation.signal] else {
                        reading.blind[expectation.signal] =
                            signals.health[expectation.signal]
                            ?? .unhealthy(reason: .unknownSignal(expectation.signal))
                        reading.frozen.insert(key)
                        continue
                    }
                    let span = min(max(item.end.timeIntervalSince(item.start), 3600), 2 * 86_400)
                    let times = stride(from: 0, to: span, by: 3600).map { item.start.addingTimeInterval($0) }
                    let values = forecaster.expectedValues(at: times).filter(\.isFinite).map { $0 * expectation.uplift }
                    guard let expected = expectation.threshold.isAbove ? values.max() : values.min(),
                        expectation.threshold.isCrossed(by: expected)
                    else { continue }
                    candidate.values = [
                        "expected_load": EngineFormat.number(expected),
                        "capacity": EngineFormat.number(expectation.threshold.value),
                    ]
                }
            }
            reading.candidates.append(candidate)
        }
    }

    /// Reads a forecast trigger whose signal is interned to `slot` (its health, value and forecaster resolved once
    /// for the tick); `key` is `forecast:<signal>`.
    mutating func readForecast(
        _ trigger: ForecastTrigger, slot: Int, key: String, now: Date, signals: SignalSnapshot,
        into reading: inout TriggerReading
    ) {
        reading.debounce[key] = trigger.debounce.seconds
        let signal = memory.readings[slot]
        guard signal.isHealthy else {
            reading.blind[trigger.signal] =
                signals.health[trigger.signal] ?? .unhealthy(reason: .unknownSignal(trigger.signal))
            reading.frozen.insert(key)
            return
        }
        guard signal.hasForecaster else {
            reading.frozen.insert(key)  // still learning: nothing can be said yet
            return
        }
        let current = signal.number
        let happening = current.map { trigger.threshold.isReached(by: $0) } ?? false
        let direction: CrossingDirection = trigger.threshold.isAbove ? .above : .below
        let crossing = crossing(slot: slot, trigger: trigger, direction: direction)
        guard happening || crossing != nil else { return }
        var candidate = Candidate(
            key: key, onset: happening ? now : crossing!, end: nil, tracking: true, movesOnset: true,
            isHappening: happening)
        candidate.capacity = trigger.threshold.value
        candidate.signalValue = current
        reading.candidates.append(candidate)
    }

    private mutating func readState(
        _ trigger: StateTrigger, plan: Plan, now: Date, signals: SignalSnapshot, into reading: inout TriggerReading
    ) {
        let key = "state:\(trigger.signal)"
        let memoryKey = plan.id + "|" + key
        reading.debounce[key] = trigger.debounce.seconds
        for name in [trigger.signal] + trigger.onset.signals where !signals.isHealthy(name) {
            reading.blind[name] = signals.health[name] ?? .unhealthy(reason: .unknownSignal(name))
            reading.frozen.insert(key)
        }
        guard !reading.frozen.contains(key), let value = signals.latest[trigger.signal]?.value else { return }
        guard trigger.condition.holds(for: value) else {
            if memory.timers.stateOnset[memoryKey] != nil { memory.timers.stateOnset[memoryKey] = nil }
            return
        }
        let onset =
            memory.timers.stateOnset[memoryKey]
            ?? trigger.onset.evaluate(now: now.addingTimeInterval(0)) { signals.number($0) }
        guard let onset else { return }
        if memory.timers.stateOnset[memoryKey] != onset { memory.timers.stateOnset[memoryKey] = onset }
        var candidate = Candidate(key: key, onset: onset, end: nil, tracking: true, movesOnset: false)
        candidate.values["signal_value"] = value.description
        reading.candidates.append(candidate)
    }

    /// The signal's forecast path at the trigger's confidence, computed once per forecaster state for the longest
    /// horizon any plan asks of that signal, then searched per threshold.
    private mutating func crossing(slot: Int, trigger: ForecastTrigger, direction: CrossingDirection) -> Date? {
        var found: ForecastPathIndex?
        for cached in memory.slotPaths[slot] where cached.confidence == trigger.confidence {
            found = cached.index
            break
        }
        if found == nil {
            guard let forecaster = models[trigger.signal] else { return nil }
            let within = longestWithin[trigger.signal] ?? trigger.within.seconds
            let index = ForecastPathIndex(forecaster.crossingPath(within: within, confidence: trigger.confidence))
            memory.slotPaths[slot].append(CachedPath(confidence: trigger.confidence, index: index))
            found = index
        }
        return found!.firstCrossing(
            threshold: trigger.threshold.value, direction: direction, within: trigger.within.seconds)
    }

    /// The compiled case-insensitive pattern of an event trigger's `match`.
    private mutating func cachedPattern(_ text: String) -> SummaryPattern? {
        if let pattern = memory.patterns[text] { return pattern }
        let pattern = try? SummaryPattern(text)
        memory.patterns[text] = pattern
        return pattern
    }

    /// Calendar occurrences touching `[from, to)`, from a cache expanded 30 days beyond `to` at a time.
    mutating func upcomingEvents(of calendar: String, from: Date, to: Date) -> [CalendarOccurrence] {
        if let cached = memory.expansions[calendar], cached.from <= from, cached.to >= to {
            return cached.events.filter { $0.overlaps(from: from, to: to) }
        }
        let end = to.addingTimeInterval(30 * 86_400)
        let events = (try? calendars[calendar]?.occurrences(from: from, to: end)) ?? []
        memory.expansions[calendar] = (from, end, events)
        return events.filter { $0.overlaps(from: from, to: to) }
    }
}

extension TriggerReading {
    mutating func merge(_ other: TriggerReading) {
        candidates += other.candidates
        debounce.merge(other.debounce) { a, _ in a }
        frozen.formUnion(other.frozen)
        blind.merge(other.blind) { a, _ in a }
    }
}

extension Threshold {
    var isAbove: Bool { if case .above = self { true } else { false } }

    /// Strictly across (for expectations).
    func isCrossed(by value: Double) -> Bool { isAbove ? value > self.value : value < self.value }

    /// At or across (a breach, as operators count it).
    func isReached(by value: Double) -> Bool { isAbove ? value >= self.value : value <= self.value }
}

extension StateCondition {
    func holds(for value: SignalValue) -> Bool {
        switch self {
        case .contains(let flag): value.contains(flag: flag)
        case .equals(let text): value.description == text
        case .above(let limit): (value.number ?? -.infinity) > limit
        case .below(let limit): (value.number ?? .infinity) < limit
        }
    }
}

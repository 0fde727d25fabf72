import Foundation
import Plans
import Signals

extension Engine {
    /// One plan on one tick: read the trigger, reconcile open occurrences, move their lifecycle, issue due steps;
    /// then schedule when the plan (at `index` in `runtimes`) must next be evaluated.
    mutating func evaluate(
        _ runtime: PlanRuntime, at index: Int, now: Date, signals: SignalSnapshot, into decisions: inout [Decision]
    ) {
        let plan = runtime.plan
        let marks = (decisions: decisions.count, writes: memory.writes)
        var reading = TriggerReading()
        if let forecast = runtime.forecast {
            readForecast(
                forecast.trigger, slot: forecast.slot, key: forecast.key, now: now, signals: signals, into: &reading)
        } else {
            reading = read(plan.trigger, plan: plan, now: now, signals: signals)
        }
        alertOwnerIfBlind(plan, reading: reading, now: now, signals: signals, into: &decisions)
        var open = store.openOccurrences(plan: plan.id)
        var matched: [String] = []  // a plan has few open occurrences: a scan beats hashing their ids
        for candidate in reading.candidates {
            if let position = open.firstIndex(where: { candidate.matches($0, plan: plan.id) }) {
                matched.append(open[position].id)
                if memory.timers.recedingSince[open[position].id] != nil {
                    memory.timers.recedingSince[open[position].id] = nil
                }
                var occurrence = open[position]
                if candidate.movesOnset, occurrence.state != .started,
                    abs(occurrence.onset.timeIntervalSince(candidate.onset)) >= 1
                {
                    occurrence.onset = candidate.onset
                    decisions.append(.reschedule(occurrence))
                }
                if candidate.isHappening, occurrence.state != .started {
                    start(&occurrence, now: now, plan: plan, signals: signals, into: &decisions)
                }
                if occurrence != open[position] { record(occurrence); open[position] = occurrence }
                continue
            }
            if !candidate.tracking,
                store.occurrence(id: Occurrence.id(plan: plan.id, triggerKey: candidate.key, onset: candidate.onset))
                    != nil
            {
                continue  // that event's occurrence is over (ended or cancelled): never foreseen twice
            }
            let pendingKey = runtime.pendingKey(candidate.key)
            let since = memory.timers.pendingSince[pendingKey] ?? now
            if since == now { memory.timers.pendingSince[pendingKey] = since }
            guard now.timeIntervalSince(since) >= (reading.debounce[candidate.key] ?? 0) else { continue }
            memory.timers.pendingSince[pendingKey] = nil
            var occurrence = Occurrence(
                plan: plan.id, triggerKey: candidate.key, onset: candidate.onset, end: candidate.end, foreseenAt: now)
            occurrence.values = candidate.resolvedValues
            decisions.append(.foresee(occurrence))
            if candidate.isHappening { start(&occurrence, now: now, plan: plan, signals: signals, into: &decisions) }
            record(occurrence)
            open.append(occurrence)
            matched.append(occurrence.id)
        }
        for key in reading.debounce.keys where !memory.timers.pendingSince.isEmpty && !reading.frozen.contains(key) {
            if !reading.candidates.contains(where: { $0.key == key }) {
                let pendingKey = runtime.pendingKey(key)
                if memory.timers.pendingSince[pendingKey] != nil { memory.timers.pendingSince[pendingKey] = nil }
            }
        }
        for var occurrence in open {
            let before = occurrence
            if !matched.contains(occurrence.id), !reading.frozen.contains(occurrence.triggerKey) {
                recede(
                    &occurrence, now: now, debounce: reading.debounce[occurrence.triggerKey] ?? 0, plan: plan,
                    signals: signals, into: &decisions)
            }
            advance(
                &occurrence, now: now, plan: plan, stepNames: runtime.stepNames, signals: signals,
                blind: reading.frozen.contains(occurrence.triggerKey), into: &decisions)
            if occurrence != before { record(occurrence) }
        }
        let changed = decisions.count != marks.decisions || memory.writes != marks.writes
        schedule(runtime, at: index, changed: changed, reading: reading, open: open, now: now)
    }

    /// Saves an occurrence, counting the write.
    private mutating func record(_ occurrence: Occurrence) {
        store.save(occurrence)
        memory.writes &+= 1
    }

    /// An open occurrence no longer foreseen: after the debounce, cancelled (before its start) or ended.
    private mutating func recede(
        _ occurrence: inout Occurrence, now: Date, debounce: TimeInterval, plan: Plan, signals: SignalSnapshot,
        into decisions: inout [Decision]
    ) {
        if occurrence.triggerKey.hasPrefix("event:") {
            guard occurrence.state != .started, occurrence.onset > now else { return }  // the calendar runs it
        }
        let since = memory.timers.recedingSince[occurrence.id] ?? now
        if since == now { memory.timers.recedingSince[occurrence.id] = since }
        guard now.timeIntervalSince(since) >= debounce else { return }
        memory.timers.recedingSince[occurrence.id] = nil
        if occurrence.state == .started {
            occurrence.state = .ended
            occurrence.endedAt = now
            decisions.append(.end(occurrence))
            issue(step: "end", of: &occurrence, plan: plan, now: now, signals: signals, into: &decisions)
        } else {
            occurrence.state = .cancelled
            occurrence.cancelledAt = now
            decisions.append(.cancel(occurrence))
            issue(step: "cancel", of: &occurrence, plan: plan, now: now, signals: signals, into: &decisions)
        }
    }

    /// Time-driven moves: start at the onset (calendar and state occurrences), end at the end, due steps.
    private mutating func advance(
        _ occurrence: inout Occurrence, now: Date, plan: Plan, stepNames: [[String]], signals: SignalSnapshot,
        blind: Bool,
        into decisions: inout [Decision]
    ) {
        guard occurrence.state.isOpen else { return }
        let timed = !occurrence.triggerKey.hasPrefix("forecast:")
        if timed, occurrence.state != .started, now >= occurrence.onset {
            start(&occurrence, now: now, plan: plan, signals: signals, into: &decisions)
        }
        if occurrence.state == .started, let end = occurrence.end, now >= end {
            occurrence.state = .ended
            occurrence.endedAt = now
            decisions.append(.end(occurrence))
            issue(step: "end", of: &occurrence, plan: plan, now: now, signals: signals, into: &decisions)
        }
        if occurrence.state == .foreseen || occurrence.state == .notified, now < occurrence.onset {
            issueAdvanceSteps(
                of: &occurrence, plan: plan, stepNames: stepNames, now: now, signals: signals, blind: blind,
                into: &decisions)
        }
    }

    mutating func start(
        _ occurrence: inout Occurrence, now: Date, plan: Plan, signals: SignalSnapshot, into decisions: inout [Decision]
    ) {
        occurrence.state = .started
        occurrence.startedAt = now
        decisions.append(.start(occurrence))
        issue(step: "start", of: &occurrence, plan: plan, now: now, signals: signals, into: &decisions)
    }

    /// Tells the owner, once per episode, that a signal the plan needs is unhealthy or stale.
    private mutating func alertOwnerIfBlind(
        _ plan: Plan, reading: TriggerReading, now: Date, signals: SignalSnapshot, into decisions: inout [Decision]
    ) {
        if !memory.timers.alerted.isEmpty {
            for signal in Set(plan.trigger.signals) where reading.blind[signal] == nil {
                if memory.timers.alerted.contains(plan.id + "|" + signal) {
                    memory.timers.alerted.remove(plan.id + "|" + signal)
                }
            }
        }
        for (signal, health) in reading.blind.sorted(by: { $0.key < $1.key }) {
            guard !memory.timers.alerted.contains(plan.id + "|" + signal) else { continue }
            memory.timers.alerted.insert(plan.id + "|" + signal)
            decisions.append(.alertOwner(ownerAlert(plan, signal: signal, health: health, now: now)))
        }
    }
}

extension Candidate {
    func matches(_ occurrence: Occurrence, plan: String) -> Bool {
        guard occurrence.triggerKey == key else { return false }
        // A fixed (calendar) occurrence's onset never moves: the same onset is the same id.
        return tracking || occurrence.onset == onset
    }
}

import Foundation
import Plans

/// When each plan must next be evaluated. A plan whose last evaluation changed nothing (no decision, no write to
/// the store or the timers) gives the same answer on a later tick as long as what it reads is unchanged (its
/// signal's health, value and forecaster: the slot's version) and no instant it compares `now` with (an onset, a
/// step's moment, an end, a debounce's expiry, a calendar event entering or leaving its window) has come: such a
/// plan is skipped until then. Any other plan is evaluated on the next tick.
struct PlanSchedule: Sendable {
    /// Per plan (in `Engine.runtimes` order): seconds since the reference date from which it is due again
    /// (`-infinity`: on the next tick).
    var due: [Double]
    /// Per plan, its dependency slot's version when it was last evaluated.
    var seen: [Int]
    /// Per plan, how a tick treats it and the slot it reads (-1: none), in flat arrays so that the scan of 10,000
    /// plans touches no plan.
    let modes: [Mode]
    let dependencies: [Int]
    /// Per signal slot, bumped whenever its reading or its forecaster changes.
    var versions: [Int]
    /// The last tick's `now` (seconds since the reference date); a tick before it evaluates every plan.
    var lastTick = -Double.infinity

    /// How a tick treats a plan.
    enum Mode: UInt8, Sendable {
        /// Disabled: never evaluated.
        case disabled
        /// Evaluated on every tick.
        case always
        /// Skipped while quiet.
        case scheduled
    }

    init(runtimes: [PlanRuntime], slots: Int) {
        due = Array(repeating: -.infinity, count: runtimes.count)
        seen = Array(repeating: 0, count: runtimes.count)
        versions = Array(repeating: 0, count: slots)
        modes = runtimes.map { !$0.plan.isEnabled ? .disabled : $0.isSchedulable ? .scheduled : .always }
        dependencies = runtimes.map { $0.dependency ?? -1 }
    }

    /// Makes every plan due on the next tick.
    mutating func evaluateAll() {
        for index in due.indices { due[index] = -.infinity }
    }
}

extension Engine {
    /// Rounding slack: a plan is due this long before the earliest instant that could change its answer.
    static let dueMargin: TimeInterval = 0.001

    /// The plans a tick at `instant` evaluates, in order: enabled and, unless `everyPlan`, not quiet (scheduled, not
    /// due, their signal unchanged).
    func plansToEvaluate(at instant: Double, everyPlan: Bool) -> [Int] {
        let schedule = memory.schedule
        var selected: [Int] = []
        for index in schedule.modes.indices {
            switch schedule.modes[index] {
            case .disabled: continue
            case .always: selected.append(index)
            case .scheduled:
                let slot = schedule.dependencies[index]
                if everyPlan || instant >= schedule.due[index]
                    || (slot >= 0 && schedule.seen[index] != schedule.versions[slot])
                {
                    selected.append(index)
                }
            }
        }
        return selected
    }

    /// Records what the plan read and when it is next due: on the next tick when its evaluation `changed`
    /// anything, else at the earliest instant after `now` at which the same inputs could give another answer.
    mutating func schedule(
        _ runtime: PlanRuntime, at index: Int, changed: Bool, reading: TriggerReading, open: [Occurrence], now: Date
    ) {
        guard runtime.isSchedulable else { return }
        memory.schedule.seen[index] = runtime.dependency.map { memory.schedule.versions[$0] } ?? 0
        memory.schedule.due[index] = changed ? -.infinity : nextDue(runtime, reading: reading, open: open, now: now)
    }

    private func nextDue(_ runtime: PlanRuntime, reading: TriggerReading, open: [Occurrence], now: Date) -> Double {
        let instant = now.timeIntervalSinceReferenceDate
        var due = Double.infinity
        // An instant at `now` or after it may flip a comparison (`>=` at it, `>` just after it): due at it.
        func consider(_ date: Date) {
            let moment = date.timeIntervalSinceReferenceDate - Self.dueMargin
            if moment >= instant - 2 * Self.dueMargin, moment < due { due = moment }
        }
        for candidate in reading.candidates {
            if let since = memory.timers.pendingSince[runtime.pendingKey(candidate.key)] {
                consider(since.addingTimeInterval(reading.debounce[candidate.key] ?? 0))
            }
        }
        for occurrence in open where occurrence.state.isOpen {
            consider(occurrence.onset)
            if let end = occurrence.end { consider(end) }
            for lead in runtime.leads { consider(occurrence.onset.addingTimeInterval(-lead)) }
            if let since = memory.timers.recedingSince[occurrence.id] {
                consider(since.addingTimeInterval(reading.debounce[occurrence.triggerKey] ?? 0))
            }
        }
        if case .event(let event) = runtime.plan.trigger {
            // The events of the window `[now, now + horizon)` (as `readEvent` reads them) change when one ends or
            // the window reaches the start of the next; beyond the expanded calendar, when the window gets there.
            guard let cached = memory.expansions[event.calendar] else { return -.infinity }
            let horizon = (runtime.leads.max() ?? 0) + lookahead
            let to = now.addingTimeInterval(horizon)
            for item in cached.events {
                if item.overlaps(from: now, to: to) {
                    consider(item.end > item.start ? item.end : item.start)
                } else if item.start >= to {
                    consider(item.start.addingTimeInterval(-horizon))
                }
            }
            consider(cached.to.addingTimeInterval(-horizon))
        }
        return due
    }
}

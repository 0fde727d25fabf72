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
    /// Per signal slot, bumped whenever its reading or its forecaster changes.
    var versions: [Int]
    /// The last tick's `now` (seconds since the reference date); a tick before it evaluates every plan.
    var lastTick = -Double.infinity

    init(plans: Int, slots: Int) {
        due = Array(repeating: -.infinity, count: plans)
        seen = Array(repeating: 0, count: plans)
        versions = Array(repeating: 0, count: slots)
    }

    /// Makes every plan due on the next tick.
    mutating func evaluateAll() {
        for index in due.indices { due[index] = -.infinity }
    }
}

extension Engine {
    /// Rounding slack: a plan is due this long before the earliest instant that could change its answer.
    static let dueMargin: TimeInterval = 0.001

    /// Whether the plan at `index` can be skipped at `instant`: schedulable, not due, its signal unchanged.
    func isQuiet(_ index: Int, _ runtime: PlanRuntime, at instant: Double) -> Bool {
        guard runtime.isSchedulable, instant < memory.schedule.due[index] else { return false }
        guard let slot = runtime.dependency else { return true }
        return memory.schedule.seen[index] == memory.schedule.versions[slot]
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

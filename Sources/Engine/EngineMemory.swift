import Calendars
import Foundation
import Plans

/// What the engine keeps between ticks besides the store: the timers (persisted through the store, so a
/// restart neither restarts a debounce nor repeats an owner alert) and caches.
struct EngineMemory: Sendable {
    /// The debounce timers and owner-alert episodes; every change marks them for saving.
    var timers = EngineTimers() {
        didSet {
            timersChanged = true
            writes &+= 1
        }
    }
    /// Counts the changes a plan's evaluation makes to timers and the store (a plan that changed nothing may be
    /// skipped until it is due: `PlanSchedule`).
    var writes = 0
    /// How many plan evaluations ticks made (tests compare it with and without skipping).
    var evaluations = 0
    /// When each plan is next due and what it last read.
    var schedule = PlanSchedule(runtimes: [], slots: 0)
    /// Whether `timers` changed since they were last saved to the store.
    var timersChanged = false
    /// Calendar occurrences per calendar, expanded for `[from, to)`.
    var expansions: [String: (from: Date, to: Date, events: [CalendarOccurrence])] = [:]
    /// Forecast paths per signal and confidence, valid until the signal's forecaster observes a sample or is
    /// replaced (a path depends only on the forecaster's state, not on the tick's `now`).
    /// Per signal slot, one path per confidence asked.
    var slotPaths: [[CachedPath]] = []
    /// Per signal slot, its health, value and forecaster on the current tick (`Engine.resolveSlots`).
    var readings: [SlotReading] = []
    /// Compiled `match` patterns.
    nonisolated(unsafe) var patterns: [String: SummaryPattern?] = [:]
}

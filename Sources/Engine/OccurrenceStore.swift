import Foundation

/// Where occurrences and the notices issued for them persist, so a restarted engine neither repeats nor
/// loses a notice. The engine calls it synchronously during a tick; implementations must be thread-safe.
/// While an engine runs it is the store's only writer (it skips plans whose occurrences it knows did not change):
/// after replacing the store's content (e.g. a new leader's load), build a new engine.
public protocol OccurrenceStore: AnyObject, Sendable {
    /// The open (foreseen, notified, started) occurrences of `plan`.
    func openOccurrences(plan: String) -> [Occurrence]
    /// The occurrence with `id`, in any state.
    func occurrence(id: String) -> Occurrence?
    /// Inserts or replaces an occurrence (by id).
    func save(_ occurrence: Occurrence)
    /// Records that a notice was issued; false when it already was (the notice must not be issued again).
    func recordNotice(_ key: NoticeKey) -> Bool
    /// The notices issued for an occurrence.
    func notices(of occurrence: String) -> [NoticeKey]
    /// Every occurrence ever saved, ordered by first foreseen.
    func allOccurrences() -> [Occurrence]
    /// The engine's debounce timers and owner-alert episodes as last saved (empty when never saved).
    func timers() -> EngineTimers
    /// Replaces the saved timers (the engine calls it at the end of a tick that changed them).
    func saveTimers(_ timers: EngineTimers)
    /// Makes every change durable. The engine never calls it: the shell does, after the tick's notices are in
    /// the outbox (a store in memory has nothing to do).
    func flush() throws
}

extension OccurrenceStore {
    /// Nothing to make durable.
    public func flush() throws {}
}

/// The engine's state between ticks that must survive a restart besides occurrences: debounce timers and
/// owner-alert episodes. Keys are `plan|triggerKey` (pending, state onsets), occurrence ids (receding) and
/// `plan|signal` (alerted).
public struct EngineTimers: Sendable, Hashable, Codable {
    /// When a trigger's condition began to hold with no open occurrence (the `for` debounce of foreseeing).
    public var pendingSince: [String: Date] = [:]
    /// When an open occurrence's condition stopped holding (the `for` debounce of cancelling or ending).
    public var recedingSince: [String: Date] = [:]
    /// A state trigger's onset computed when its condition first held.
    public var stateOnset: [String: Date] = [:]
    /// Owner alerts already sent for a blind signal (cleared when it is healthy again).
    public var alerted: Set<String> = []

    /// Empty timers.
    public init() {}
}

/// An `OccurrenceStore` in memory (tests, `simulate`); the daemon's SQLite store has the same contract.
public final class InMemoryOccurrenceStore: OccurrenceStore, @unchecked Sendable {
    private let lock = NSLock()
    private var occurrences: [String: Occurrence] = [:]
    /// The open occurrences per plan, ordered by onset then id (what `openOccurrences` returns, without copying).
    private var open: [String: [Occurrence]] = [:]
    private var order: [String] = []
    private var issued: Set<NoticeKey> = []
    private var byOccurrence: [String: [NoticeKey]] = [:]
    private var savedTimers = EngineTimers()

    /// Creates an empty store.
    public init() {}

    public func openOccurrences(plan: String) -> [Occurrence] { lock.withLock { open[plan] ?? [] } }

    public func occurrence(id: String) -> Occurrence? { lock.withLock { occurrences[id] } }

    public func save(_ occurrence: Occurrence) {
        lock.withLock {
            if occurrences.updateValue(occurrence, forKey: occurrence.id) == nil { order.append(occurrence.id) }
            var list = open[occurrence.plan] ?? []
            open[occurrence.plan] = nil  // unique while it changes
            list.removeAll { $0.id == occurrence.id }
            if occurrence.state.isOpen {
                let position = list.firstIndex { (occurrence.onset, occurrence.id) < ($0.onset, $0.id) } ?? list.count
                list.insert(occurrence, at: position)
            }
            if !list.isEmpty { open[occurrence.plan] = list }
        }
    }

    public func recordNotice(_ key: NoticeKey) -> Bool {
        lock.withLock {
            guard issued.insert(key).inserted else { return false }
            byOccurrence[key.occurrence, default: []].append(key)
            return true
        }
    }

    public func notices(of occurrence: String) -> [NoticeKey] { lock.withLock { byOccurrence[occurrence] ?? [] } }

    public func allOccurrences() -> [Occurrence] { lock.withLock { order.compactMap { occurrences[$0] } } }

    public func timers() -> EngineTimers { lock.withLock { savedTimers } }

    public func saveTimers(_ timers: EngineTimers) { lock.withLock { savedTimers = timers } }
}

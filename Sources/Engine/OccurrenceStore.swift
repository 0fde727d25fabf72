import Foundation

/// Where occurrences and the notices issued for them persist, so a restarted engine neither repeats nor
/// loses a notice. The engine calls it synchronously during a tick; implementations must be thread-safe.
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
}

/// An `OccurrenceStore` in memory (tests, `simulate`); the daemon's SQLite store has the same contract.
public final class InMemoryOccurrenceStore: OccurrenceStore, @unchecked Sendable {
    private let lock = NSLock()
    private var occurrences: [String: Occurrence] = [:]
    private var open: [String: Set<String>] = [:]
    private var order: [String] = []
    private var issued: Set<NoticeKey> = []
    private var byOccurrence: [String: [NoticeKey]] = [:]

    /// Creates an empty store.
    public init() {}

    public func openOccurrences(plan: String) -> [Occurrence] {
        lock.withLock {
            guard let ids = open[plan], !ids.isEmpty else { return [] }
            let list = ids.compactMap { occurrences[$0] }
            return list.count < 2 ? list : list.sorted { ($0.onset, $0.id) < ($1.onset, $1.id) }
        }
    }

    public func occurrence(id: String) -> Occurrence? { lock.withLock { occurrences[id] } }

    public func save(_ occurrence: Occurrence) {
        lock.withLock {
            if occurrences.updateValue(occurrence, forKey: occurrence.id) == nil { order.append(occurrence.id) }
            if occurrence.state.isOpen {
                open[occurrence.plan, default: []].insert(occurrence.id)
            } else {
                open[occurrence.plan]?.remove(occurrence.id)
            }
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
}

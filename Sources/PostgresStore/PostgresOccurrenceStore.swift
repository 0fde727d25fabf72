import Engine
import Foundation
import Store

/// The engine's `OccurrenceStore` in the shared PostgreSQL database, for the instance holding the leader lease:
/// an in-memory working set, loaded by ``load(now:)`` when the instance becomes leader (before its first tick)
/// and written back by ``write(now:)`` after each tick, fenced by the lease.
///
/// The engine's calls are synchronous and never touch the database. **Call `write(now:)` after the tick's
/// notices are in the outbox** (as `SQLiteOccurrenceStore.flush()`): a leader dying in between makes the next
/// leader issue those notices again, and the outbox's unique identities drop them. The synchronous `flush()`
/// does nothing here; the shell awaits `write(now:)` instead, so no thread of the cooperative pool blocks.
///
/// **Writes are fenced.** `write(now:)` stores the changes only while this instance still holds the lease it held
/// at `load(now:)` (same holder and `acquired_at`), checked with the lease row locked in the same transaction.
/// A deposed leader's write fails, its changes are dropped and its working set is marked stale.
public final class PostgresOccurrenceStore: OccurrenceStore, @unchecked Sendable {
    /// The shared store (its `instanceID` is the lease holder checked on writes).
    public let store: PostgresStore
    /// The lease that fences writes.
    public let leaseName: String
    /// How long closed occurrences stay in the working set after their onset.
    public let retention: TimeInterval
    let lock = NSLock()
    var cache = InMemoryOccurrenceStore()
    var pending = OccurrenceChanges()
    /// The lease's `acquired_at` the working set was loaded under (nil: not loaded, or fenced out).
    var loadedTerm: Double?

    /// Creates an empty, unloaded store over `store`'s database.
    public init(store: PostgresStore, leaseName: String = "engine", retention: TimeInterval = 60 * 86_400) {
        self.store = store
        self.leaseName = leaseName
        self.retention = retention
    }

    /// The lease term (its `acquired_at`) the working set belongs to; nil before a load or after being fenced out.
    public var term: Date? { lock.withLock { loadedTerm.map { Date(timeIntervalSince1970: $0) } } }

    /// Whether changes wait to be written.
    public var hasChanges: Bool { lock.withLock { !pending.isEmpty } }

    private var current: InMemoryOccurrenceStore { lock.withLock { cache } }

    public func openOccurrences(plan: String) -> [Occurrence] { current.openOccurrences(plan: plan) }

    public func occurrence(id: String) -> Occurrence? { current.occurrence(id: id) }

    public func save(_ occurrence: Occurrence) {
        lock.withLock {
            cache.save(occurrence)
            pending.save(occurrence)
        }
    }

    public func recordNotice(_ key: NoticeKey) -> Bool {
        lock.withLock {
            guard cache.recordNotice(key) else { return false }
            pending.issued.append(key)
            return true
        }
    }

    public func notices(of occurrence: String) -> [NoticeKey] { current.notices(of: occurrence) }

    public func allOccurrences() -> [Occurrence] { current.allOccurrences() }

    public func timers() -> EngineTimers { current.timers() }

    public func saveTimers(_ timers: EngineTimers) {
        lock.withLock {
            cache.saveTimers(timers)
            pending.timers = timers
        }
    }

    /// Does nothing: the shell awaits ``write(now:)`` after the tick instead.
    public func flush() throws {}
}

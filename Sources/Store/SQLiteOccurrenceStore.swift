import Engine
import Foundation
import GRDB

/// The engine's `OccurrenceStore` in the daemon's SQLite database: an in-memory working set, loaded at start,
/// and written back by ``flush()`` in one transaction.
///
/// **Call `flush()` after the tick's notices are in the outbox**, never before: a crash in between then makes the
/// restarted engine issue those notices again, and the outbox's unique notice identity drops them as
/// duplicates — no notice is lost and none is sent twice.
public final class SQLiteOccurrenceStore: OccurrenceStore, @unchecked Sendable {
    private let pool: DatabasePool
    private let cache = InMemoryOccurrenceStore()
    private let lock = NSLock()
    private var changed: [String: Occurrence] = [:]
    private var issued: [NoticeKey] = []
    private var changedTimers: EngineTimers?

    /// Loads the open occurrences and those closed whose onset is within `retention` of `now`, with their
    /// notices and the timers, from `store`'s database.
    public init(store: SQLiteStore, now: Date = Date(), retention: TimeInterval = 60 * 86_400) throws {
        pool = store.pool
        let decoder = JSONDecoder()
        do {
            try pool.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT body FROM occurrences
                        WHERE state IN ('foreseen', 'notified', 'started') OR onset >= ?
                        ORDER BY foreseen_at, rowid
                        """, arguments: [now.addingTimeInterval(-retention).storedValue])
                for row in rows {
                    let occurrence = try decoder.decode(Occurrence.self, from: row["body"] as Data)
                    cache.save(occurrence)
                    for key in try Self.notices(of: occurrence.id, in: db) { _ = cache.recordNotice(key) }
                }
                if let body = try Data.fetchOne(db, sql: "SELECT body FROM engine_timers WHERE id = 1") {
                    cache.saveTimers(try decoder.decode(EngineTimers.self, from: body))
                }
            }
        } catch {
            throw StoreError("cannot read the engine's occurrences: \(error)")
        }
    }

    private static func notices(of occurrence: String, in db: Database) throws -> [NoticeKey] {
        try Row.fetchAll(
            db, sql: "SELECT action, step, recipient FROM occurrence_notices WHERE occurrence = ? ORDER BY rowid",
            arguments: [occurrence]
        ).map { NoticeKey(occurrence: occurrence, action: $0["action"], step: $0["step"], recipient: $0["recipient"]) }
    }

    public func openOccurrences(plan: String) -> [Occurrence] { cache.openOccurrences(plan: plan) }

    public func occurrence(id: String) -> Occurrence? { cache.occurrence(id: id) }

    public func save(_ occurrence: Occurrence) {
        cache.save(occurrence)
        lock.withLock { changed[occurrence.id] = occurrence }
    }

    public func recordNotice(_ key: NoticeKey) -> Bool {
        guard cache.recordNotice(key) else { return false }
        lock.withLock { issued.append(key) }
        return true
    }

    public func notices(of occurrence: String) -> [NoticeKey] { cache.notices(of: occurrence) }

    public func allOccurrences() -> [Occurrence] { cache.allOccurrences() }

    public func timers() -> EngineTimers { cache.timers() }

    public func saveTimers(_ timers: EngineTimers) {
        cache.saveTimers(timers)
        lock.withLock { changedTimers = timers }
    }

    /// Whether changes wait to be written.
    public var hasChanges: Bool { lock.withLock { !changed.isEmpty || !issued.isEmpty || changedTimers != nil } }

    /// Writes every change since the last flush in one transaction; on failure they stay pending for the next.
    public func flush() throws {
        try lock.withLock {
            guard !changed.isEmpty || !issued.isEmpty || changedTimers != nil else { return }
            let encoder = JSONEncoder()
            do {
                try pool.write { db in
                    for occurrence in changed.values {
                        try db.execute(
                            sql: """
                                INSERT OR REPLACE INTO occurrences (id, plan, state, onset, foreseen_at, body)
                                VALUES (?, ?, ?, ?, ?, ?)
                                """,
                            arguments: [
                                occurrence.id, occurrence.plan, occurrence.state.rawValue,
                                occurrence.onset.storedValue, occurrence.foreseenAt.storedValue,
                                try encoder.encode(occurrence),
                            ])
                    }
                    for key in issued {
                        try db.execute(
                            sql: """
                                INSERT OR IGNORE INTO occurrence_notices (occurrence, action, step, recipient)
                                VALUES (?, ?, ?, ?)
                                """, arguments: [key.occurrence, key.action, key.step, key.recipient])
                    }
                    if let changedTimers {
                        try db.execute(
                            sql: "INSERT OR REPLACE INTO engine_timers (id, body) VALUES (1, ?)",
                            arguments: [try encoder.encode(changedTimers)])
                    }
                }
            } catch {
                throw StoreError("cannot write the engine's occurrences: \(error); they stay pending")
            }
            changed = [:]
            issued = []
            changedTimers = nil
        }
    }
}

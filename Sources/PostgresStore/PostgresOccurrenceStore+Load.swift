import Engine
import Foundation
import NIOCore
import PostgresNIO
import Store

extension PostgresOccurrenceStore {
    /// Replaces the working set with the database's (open occurrences, and closed ones whose onset is within
    /// ``retention`` of `now`, with their notices and the timers); pending changes of an earlier term are dropped.
    ///
    /// Throws when this instance does not hold the lease at `now`.
    public func load(now: Date) async throws {
        let loaded: LoadedOccurrences
        do {
            loaded = try await store.client.withTransaction(logger: store.logger) { connection in
                guard let term = try await self.heldTerm(on: connection, now: now, term: nil) else {
                    throw FencedOut()
                }
                return try await self.read(on: connection, term: term, since: now.addingTimeInterval(-self.retention))
            }
        } catch {
            if Self.isFencedOut(error) {
                throw StoreError("cannot load the engine's occurrences: this instance does not hold the lease")
            }
            throw StoreError("cannot load the engine's occurrences: \(PostgresStore.describe(Self.unwrap(error)))")
        }
        let working = InMemoryOccurrenceStore()
        for occurrence in loaded.occurrences { working.save(occurrence) }
        for key in loaded.notices { _ = working.recordNotice(key) }
        if let timers = loaded.timers { working.saveTimers(timers) }
        lock.withLock {
            cache = working
            pending = OccurrenceChanges()
            loadedTerm = loaded.term
        }
    }

    /// The lease's `acquired_at` if this instance holds it at `now` (and it is `term`, when given), locking the
    /// row until the transaction ends so no other instance takes the lease meanwhile.
    func heldTerm(on connection: PostgresConnection, now: Date, term: Double?) async throws -> Double? {
        let rows = try await connection.query(
            """
            SELECT acquired_at FROM leases
            WHERE name = \(leaseName) AND holder = \(store.instanceID) AND expires_at > \(now.stored)
            FOR SHARE
            """, logger: store.logger)
        for try await acquired in rows.decode(Double.self) where term == nil || term == acquired {
            return acquired
        }
        return nil
    }

    private func read(on connection: PostgresConnection, term: Double, since cutoff: Date) async throws
        -> LoadedOccurrences
    {
        let decoder = JSONDecoder()
        var loaded = LoadedOccurrences(term: term)
        let rows = try await connection.query(
            """
            SELECT body FROM occurrences
            WHERE state IN ('foreseen', 'notified', 'started') OR onset >= \(cutoff.stored)
            ORDER BY foreseen_at, seq
            """, logger: store.logger)
        for try await body in rows.decode(ByteBuffer.self) {
            loaded.occurrences.append(try decoder.decode(Occurrence.self, from: Data(buffer: body)))
        }
        let notices = try await connection.query(
            """
            SELECT n.occurrence, n.action, n.step, n.recipient FROM occurrence_notices n
            JOIN occurrences o ON o.id = n.occurrence
            WHERE o.state IN ('foreseen', 'notified', 'started') OR o.onset >= \(cutoff.stored)
            ORDER BY n.seq
            """, logger: store.logger)
        for try await (occurrence, action, step, recipient) in notices.decode((String, Int, String, String).self) {
            loaded.notices.append(NoticeKey(occurrence: occurrence, action: action, step: step, recipient: recipient))
        }
        let timers = try await connection.query("SELECT body FROM engine_timers WHERE id = 1", logger: store.logger)
        for try await body in timers.decode(ByteBuffer.self) {
            loaded.timers = try decoder.decode(EngineTimers.self, from: Data(buffer: body))
        }
        return loaded
    }

    /// The error a transaction's closure threw, else `error`.
    static func unwrap(_ error: any Error) -> any Error {
        (error as? PostgresTransactionError)?.closureError ?? error
    }

    /// Whether `error` says the lease was not held.
    static func isFencedOut(_ error: any Error) -> Bool { unwrap(error) is FencedOut }
}

/// A working set as read from the database.
struct LoadedOccurrences: Sendable {
    var term: Double
    var occurrences: [Occurrence] = []
    var notices: [NoticeKey] = []
    var timers: EngineTimers?
}

/// This instance no longer holds the lease (or not the term it loaded under).
struct FencedOut: Error {}

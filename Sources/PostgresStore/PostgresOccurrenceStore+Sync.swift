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

    /// Writes every change since the last write in one transaction, if this instance still holds the lease of
    /// its load at `now`. Fenced out, the changes are dropped and ``term`` becomes nil (load again before the next
    /// tick); on any other failure they stay pending for the next write.
    public func write(now: Date) async throws {
        let (batch, term) = lock.withLock { (pending, loadedTerm) }
        guard !batch.isEmpty else { return }
        guard let term else {
            throw StoreError("cannot write the engine's occurrences: the working set was never loaded")
        }
        do {
            try await store.client.withTransaction(logger: store.logger) { connection in
                guard try await self.heldTerm(on: connection, now: now, term: term) != nil else { throw FencedOut() }
                try await self.write(batch, on: connection)
            }
        } catch {
            if Self.isFencedOut(error) {
                lock.withLock {
                    if loadedTerm == term {
                        pending = OccurrenceChanges()
                        loadedTerm = nil
                    }
                }
                throw StoreError(
                    "this instance no longer holds the '\(leaseName)' lease it loaded the engine's occurrences "
                        + "under; its changes were dropped (the new leader's stand)")
            }
            throw StoreError(
                "cannot write the engine's occurrences: \(PostgresStore.describe(Self.unwrap(error))); "
                    + "they stay pending")
        }
        lock.withLock { pending.remove(batch) }
    }

    /// The lease's `acquired_at` if this instance holds it at `now` (and it is `term`, when given), locking the
    /// row until the transaction ends so no other instance takes the lease meanwhile.
    private func heldTerm(on connection: PostgresConnection, now: Date, term: Double?) async throws -> Double? {
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
        let selected = "o.state IN ('foreseen', 'notified', 'started') OR o.onset >= \(cutoff.stored)"
        let rows = try await connection.query(
            PostgresQuery(unsafeSQL: "SELECT o.body FROM occurrences o WHERE \(selected) ORDER BY o.foreseen_at, o.seq"),
            logger: store.logger)
        for try await body in rows.decode(ByteBuffer.self) {
            loaded.occurrences.append(try decoder.decode(Occurrence.self, from: Data(buffer: body)))
        }
        let notices = try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT n.occurrence, n.action, n.step, n.recipient FROM occurrence_notices n
                    JOIN occurrences o ON o.id = n.occurrence WHERE \(selected) ORDER BY n.seq
                    """), logger: store.logger)
        for try await (occurrence, action, step, recipient) in notices.decode((String, Int, String, String).self) {
            loaded.notices.append(NoticeKey(occurrence: occurrence, action: action, step: step, recipient: recipient))
        }
        let timers = try await connection.query("SELECT body FROM engine_timers WHERE id = 1", logger: store.logger)
        for try await body in timers.decode(ByteBuffer.self) {
            loaded.timers = try decoder.decode(EngineTimers.self, from: Data(buffer: body))
        }
        return loaded
    }

    private func write(_ batch: OccurrenceChanges, on connection: PostgresConnection) async throws {
        let encoder = JSONEncoder()
        let occurrences = batch.changedOccurrences
        if !occurrences.isEmpty {
            let bodies = try occurrences.map { ByteBuffer(data: try encoder.encode($0)) }
            try await connection.query(
                """
                INSERT INTO occurrences (id, plan, state, onset, foreseen_at, body)
                SELECT id, plan, state, onset, foreseen_at, body
                FROM unnest(\(occurrences.map(\.id))::text[], \(occurrences.map(\.plan))::text[],
                    \(occurrences.map(\.state.rawValue))::text[], \(occurrences.map(\.onset.stored))::float8[],
                    \(occurrences.map(\.foreseenAt.stored))::float8[], \(bodies)::bytea[]) WITH ORDINALITY
                    AS n(id, plan, state, onset, foreseen_at, body, position)
                ORDER BY position
                ON CONFLICT (id) DO UPDATE SET plan = EXCLUDED.plan, state = EXCLUDED.state, onset = EXCLUDED.onset,
                    foreseen_at = EXCLUDED.foreseen_at, body = EXCLUDED.body
                """, logger: store.logger)
        }
        let keys = batch.issued
        if !keys.isEmpty {
            try await connection.query(
                """
                INSERT INTO occurrence_notices (occurrence, action, step, recipient)
                SELECT occurrence, action, step, recipient
                FROM unnest(\(keys.map(\.occurrence))::text[], \(keys.map(\.action))::int8[], \(keys.map(\.step))::text[],
                    \(keys.map(\.recipient))::text[]) WITH ORDINALITY AS n(occurrence, action, step, recipient, position)
                ORDER BY position
                ON CONFLICT DO NOTHING
                """, logger: store.logger)
        }
        if let timers = batch.timers {
            let body = ByteBuffer(data: try encoder.encode(timers))
            try await connection.query(
                """
                INSERT INTO engine_timers (id, body) VALUES (1, \(body))
                ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body
                """, logger: store.logger)
        }
    }

    private static func unwrap(_ error: any Error) -> any Error {
        (error as? PostgresTransactionError)?.closureError ?? error
    }

    private static func isFencedOut(_ error: any Error) -> Bool { unwrap(error) is FencedOut }
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

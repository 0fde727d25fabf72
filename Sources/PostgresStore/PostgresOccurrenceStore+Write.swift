import Engine
import Foundation
import NIOCore
import PostgresNIO
import Store

extension PostgresOccurrenceStore {
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
}

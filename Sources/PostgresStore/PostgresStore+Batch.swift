import Foundation
import PostgresNIO
import Store

extension PostgresStore {
    /// Stores several notices in one transaction of at most two statements, whatever the batch size.
    ///
    /// Outcomes are those of inserting the notices one after the other: a later notice with the identity of an
    /// earlier one is its duplicate, and an id taken by another identity fails the whole batch.
    public func insert(contentsOf notices: [NoticeRecord]) async throws -> [InsertOutcome] {
        guard !notices.isEmpty else { return [] }
        let batch = NoticeBatch(notices)
        do {
            return try await insert(batch, notices)
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error  // the StoreError of a taken id, not its wrapper
        }
    }

    private func insert(_ batch: NoticeBatch, _ notices: [NoticeRecord]) async throws -> [InsertOutcome] {
        try await client.withTransaction(logger: logger) { connection in
            var inserted: [String: NoticeIdentity] = [:]
            let rows = try await connection.query(
                """
                INSERT INTO notices (id, occurrence, action, step, recipient, receiver, body, state, reason,
                    created_at, due_at, attempt_count, message)
                SELECT id, occurrence, action, step, recipient, receiver, body, state, reason, created_at, due_at,
                    attempt_count, CASE WHEN has_message THEN message END
                FROM unnest(\(batch.ids)::text[], \(batch.occurrences)::text[], \(batch.actions)::text[],
                    \(batch.steps)::text[], \(batch.recipients)::text[], \(batch.receivers)::text[],
                    \(batch.bodies)::bytea[], \(batch.states)::text[], \(batch.reasons)::text[],
                    \(batch.createdAt)::float8[], \(batch.dueAt)::float8[], \(batch.attemptCounts)::int8[],
                    \(batch.messages)::bytea[], \(batch.hasMessage)::bool[]) WITH ORDINALITY
                    AS n(id, occurrence, action, step, recipient, receiver, body, state, reason, created_at, due_at,
                        attempt_count, message, has_message, position)
                ORDER BY position
                ON CONFLICT DO NOTHING
                RETURNING id, occurrence, action, step, recipient
                """, logger: logger)
            for try await (id, occurrence, action, step, recipient) in rows.decode(
                (String, String, String, String, String).self)
            {
                inserted[id] = NoticeIdentity(occurrence: occurrence, action: action, step: step, recipient: recipient)
            }
            // Inserted here: the first notice with each returned id and identity; the others are looked up.
            var seen: Set<String> = []
            let fresh = notices.map { seen.insert($0.id).inserted && inserted[$0.id] == $0.identity }
            let others = notices.indices.filter { !fresh[$0] }.map { notices[$0].identity }
            let stored = try await Self.stored(identities: others, on: connection, logger: logger)
            return try notices.indices.map { index in
                if fresh[index] { return .inserted }
                if let existing = stored[notices[index].identity] { return .duplicate(existing) }
                throw StoreError(
                    "notice id '\(notices[index].id)' is already used by another identity; ids must be unique")
            }
        }
    }

    /// The stored notices with these identities, by identity (one query).
    static func stored(
        identities: [NoticeIdentity], on connection: PostgresConnection, logger: Logger
    ) async throws -> [NoticeIdentity: NoticeRecord] {
        guard !identities.isEmpty else { return [:] }
        let rows = try await connection.query(
            """
            SELECT \(unescaped: columns) FROM notices WHERE (occurrence, action, step, recipient) IN (
                SELECT * FROM unnest(\(identities.map(\.occurrence))::text[], \(identities.map(\.action))::text[],
                    \(identities.map(\.step))::text[], \(identities.map(\.recipient))::text[]))
            """, logger: logger)
        var found: [NoticeIdentity: NoticeRecord] = [:]
        for try await row in rows {
            let record = try record(from: row)
            found[record.identity] = record
        }
        return found
    }
}

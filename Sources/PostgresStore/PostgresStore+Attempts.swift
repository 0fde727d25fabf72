import Foundation
import Logging
import PostgresNIO
import Store

extension PostgresStore {
    public func recordAttempt(_ attempt: AttemptRecord) async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await Self.insertAttempt(attempt, on: connection, logger: logger)
            try await connection.query(
                "UPDATE notices SET attempt_count = attempt_count + 1 WHERE id = \(attempt.noticeID)", logger: logger)
        }
    }

    /// Stores the attempts and their states in one transaction of two statements, whatever the batch size.
    ///
    /// A state is applied only while this instance still holds the claim (or nobody does), or when the notice
    /// was delivered: a result that arrives after another instance reclaimed the notice never undoes its work.
    /// A batch holds at most one result per notice (a notice has one attempt in flight at a time).
    public func recordAttempts(_ results: [AttemptResult]) async throws {
        guard !results.isEmpty else { return }
        let batch = AttemptBatch(results.sorted { $0.attempt.noticeID < $1.attempt.noticeID })
        try await client.withTransaction(logger: logger) { connection in
            // One lock order (by id) for every writer, so two batches never deadlock.
            try await connection.query(
                "SELECT id FROM notices WHERE id = ANY(\(batch.ids)) ORDER BY id FOR UPDATE", logger: logger)
            try await connection.query(
                """
                WITH r AS (
                    SELECT * FROM unnest(\(batch.ids)::text[], \(batch.at)::float8[], \(batch.status)::int8[],
                        \(batch.hasStatus)::bool[], \(batch.latency)::float8[], \(batch.error)::text[],
                        \(batch.hasError)::bool[], \(batch.state)::text[], \(batch.reason)::text[],
                        \(batch.dueAt)::float8[], \(batch.hasDueAt)::bool[])
                        AS r(id, at, status, has_status, latency, error, has_error, state, reason, due_at, has_due_at)
                ), inserted AS (
                    INSERT INTO attempts (notice_id, at, status, latency, error)
                    SELECT id, at, CASE WHEN has_status THEN status END, latency, CASE WHEN has_error THEN error END
                    FROM r ORDER BY id
                ), owned AS (
                    SELECT r.*, (r.state = 'delivered' OR n.claimed_by IS NULL OR n.claimed_by = \(instanceID)) AS mine
                    FROM r JOIN notices n ON n.id = r.id
                )
                UPDATE notices SET attempt_count = attempt_count + 1,
                    state = CASE WHEN owned.mine THEN owned.state ELSE notices.state END,
                    reason = CASE WHEN owned.mine THEN owned.reason ELSE notices.reason END,
                    due_at = CASE WHEN owned.mine AND owned.has_due_at THEN owned.due_at ELSE notices.due_at END,
                    claimed_by = CASE WHEN owned.mine THEN NULL ELSE notices.claimed_by END,
                    claim_expires_at = CASE WHEN owned.mine THEN NULL ELSE notices.claim_expires_at END
                FROM owned WHERE notices.id = owned.id
                """, logger: logger)
        }
    }

    static func insertAttempt(_ attempt: AttemptRecord, on connection: PostgresConnection, logger: Logger)
        async throws
    {
        try await connection.query(
            """
            INSERT INTO attempts (notice_id, at, status, latency, error)
            VALUES (\(attempt.noticeID), \(attempt.at.stored), \(attempt.status), \(attempt.latency), \(attempt.error))
            """, logger: logger)
    }
}

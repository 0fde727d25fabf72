import Foundation
import PostgresNIO
import Store

extension PostgresStore {
    /// Claims up to `limit` notices due at `now` for this instance, oldest due first.
    ///
    /// `FOR UPDATE SKIP LOCKED` lets instances claim concurrently without waiting on or sharing rows. A notice
    /// still `sending` whose claim expired (its instance died or lost the database) is reclaimed here too.
    public func claimDue(at now: Date, limit: Int) async throws -> [NoticeRecord] {
        guard limit > 0 else { return [] }
        let expires = now.stored + claimTimeout
        let claimed = try await notices(
            """
            WITH due AS (
                SELECT id FROM notices
                WHERE (state IN ('pending', 'deferred') AND due_at <= \(now.stored))
                    OR (state = 'sending' AND claim_expires_at <= \(now.stored))
                ORDER BY due_at LIMIT \(limit)
                FOR UPDATE SKIP LOCKED)
            UPDATE notices SET state = 'sending', claimed_by = \(instanceID), claim_expires_at = \(expires),
                reason = CASE WHEN notices.state = 'sending'
                    THEN 'reclaimed: the claim of ' || COALESCE(notices.claimed_by, '?') || ' expired'
                    ELSE notices.reason END
            FROM due WHERE notices.id = due.id
            RETURNING \(unescaped: Self.qualifiedColumns)
            """)
        return claimed.sorted { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }
    }

    /// Returns this instance's `sending` notices (and expired claims of others) to `pending`.
    ///
    /// Live claims of other instances are left alone: they are still being attempted.
    public func recoverInterrupted(now: Date) async throws -> Int {
        try await count(
            """
            UPDATE notices SET state = 'pending', reason = 'interrupted', due_at = LEAST(due_at, \(now.stored)),
                claimed_by = NULL, claim_expires_at = NULL
            WHERE state = 'sending' AND (claimed_by IS NULL OR claimed_by = \(instanceID)
                OR claim_expires_at <= \(now.stored))
            RETURNING id
            """)
    }

    /// Extends every claim this instance holds to `now + claimTimeout`; returns how many.
    ///
    /// Call it well within the claim timeout (``InstanceHeartbeat`` does) so slow attempts keep their claims.
    /// Rows locked by a running `recordAttempts` are skipped (they are leaving `sending`), so the two never
    /// deadlock.
    @discardableResult
    public func renewClaims(now: Date) async throws -> Int {
        try await count(
            """
            UPDATE notices SET claim_expires_at = \(now.stored + claimTimeout)
            WHERE id IN (SELECT id FROM notices WHERE state = 'sending' AND claimed_by = \(instanceID)
                FOR UPDATE SKIP LOCKED)
            RETURNING id
            """)
    }

    /// Who claimed a notice and until when, if it is claimed.
    public func claim(noticeID: String) async throws -> (instance: String, expiresAt: Date)? {
        let rows = try await client.query(
            "SELECT claimed_by, claim_expires_at FROM notices WHERE id = \(noticeID) AND claimed_by IS NOT NULL")
        for try await (instance, expires) in rows.decode((String, Double).self) {
            return (instance, Date(timeIntervalSince1970: expires))
        }
        return nil
    }

    /// ``columns`` qualified with the table name (for `UPDATE … FROM … RETURNING`).
    static var qualifiedColumns: String {
        columns.split(separator: ",").map { "notices." + $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: ", ")
    }
}

extension PostgresStore: NoticeListing {
    public func notices(state: NoticeState?, limit: Int) async throws -> [NoticeRecord] {
        if let state {
            return try await notices(
                """
                SELECT \(unescaped: Self.columns) FROM notices WHERE state = \(state.rawValue)
                ORDER BY created_at DESC LIMIT \(limit)
                """)
        }
        return try await notices(
            "SELECT \(unescaped: Self.columns) FROM notices ORDER BY created_at DESC LIMIT \(limit)")
    }
}

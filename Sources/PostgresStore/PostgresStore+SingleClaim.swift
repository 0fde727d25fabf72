import Foundation
import PostgresNIO
import Store

extension PostgresStore: SingleNoticeClaiming {
    /// Claims the one notice with `identity` if it is due at `now` (or its claim expired), as `claimDue` would;
    /// nil when it is not due or another instance holds it. For commands that send one notice of their own from
    /// a shared outbox without taking any other instance's work.
    public func claimDue(identity: NoticeIdentity, at now: Date) async throws -> NoticeRecord? {
        try await notices(
            """
            WITH due AS (
                SELECT id FROM notices
                WHERE occurrence = \(identity.occurrence) AND action = \(identity.action)
                    AND step = \(identity.step) AND recipient = \(identity.recipient)
                    AND ((state IN ('pending', 'deferred') AND due_at <= \(now.stored))
                        OR (state = 'sending' AND claim_expires_at <= \(now.stored)))
                FOR UPDATE SKIP LOCKED)
            UPDATE notices SET state = 'sending', claimed_by = \(instanceID),
                claim_expires_at = \(now.stored + claimTimeout),
                reason = CASE WHEN notices.state = 'sending'
                    THEN 'reclaimed: the claim of ' || COALESCE(notices.claimed_by, '?') || ' expired'
                    ELSE notices.reason END
            FROM due WHERE notices.id = due.id
            RETURNING \(unescaped: Self.qualifiedColumns)
            """
        ).first
    }
}

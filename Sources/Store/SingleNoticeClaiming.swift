import Foundation
import GRDB

/// An outbox from which one notice can be claimed by its identity, for commands (`receivers test`,
/// `notices replay`) that send a notice of their own while a daemon may be dispatching from the same outbox.
public protocol SingleNoticeClaiming: NoticeStore {
    /// Claims the notice with `identity` if it is due at `now`, marking it `sending` as `claimDue` would; nil when
    /// it is not due or someone else is sending it.
    func claimDue(identity: NoticeIdentity, at now: Date) async throws -> NoticeRecord?
}

extension SQLiteStore: SingleNoticeClaiming {
    public func claimDue(identity: NoticeIdentity, at now: Date) async throws -> NoticeRecord? {
        try await pool.write { db in
            try Row.fetchOne(
                db,
                sql: """
                    UPDATE notices SET state = 'sending'
                    WHERE occurrence = ? AND action = ? AND step = ? AND recipient = ?
                        AND state IN ('pending', 'deferred') AND due_at <= ?
                    RETURNING *
                    """,
                arguments: [identity.occurrence, identity.action, identity.step, identity.recipient, now.storedValue]
            ).map(Self.notice(from:))
        }
    }
}

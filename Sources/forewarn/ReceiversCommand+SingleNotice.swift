import Foundation
import Store

/// An outbox seen by a command that sends one notice: `claimDue` takes only that notice, never a running daemon's
/// (or another instance's) work; everything else goes to the store.
struct SingleNoticeStore: NoticeStoreWrapper {
    /// The outbox, SQLite or shared PostgreSQL.
    let base: any SingleNoticeClaiming
    /// The only notice claimed.
    let identity: NoticeIdentity

    var wrapped: any NoticeStore { base }

    func claimDue(at now: Date, limit: Int) async throws -> [NoticeRecord] {
        guard limit > 0, let notice = try await base.claimDue(identity: identity, at: now) else { return [] }
        return [notice]
    }
}

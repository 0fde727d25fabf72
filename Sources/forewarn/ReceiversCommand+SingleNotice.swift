import Foundation
import Store

/// An outbox seen by a command that sends one notice: `claimDue` takes only that notice, never a running daemon's
/// (or another instance's) work; everything else goes to the store.
struct SingleNoticeStore: NoticeStore {
    /// The outbox, SQLite or shared PostgreSQL.
    let base: any SingleNoticeClaiming
    /// The only notice claimed.
    let identity: NoticeIdentity

    func claimDue(at now: Date, limit: Int) async throws -> [NoticeRecord] {
        guard limit > 0, let notice = try await base.claimDue(identity: identity, at: now) else { return [] }
        return [notice]
    }

    func insert(_ notice: NoticeRecord) async throws -> InsertOutcome { try await base.insert(notice) }
    func notice(id: String) async throws -> NoticeRecord? { try await base.notice(id: id) }
    func notice(identity: NoticeIdentity) async throws -> NoticeRecord? { try await base.notice(identity: identity) }
    func update(id: String, state: NoticeState, reason: String, dueAt: Date?) async throws {
        try await base.update(id: id, state: state, reason: reason, dueAt: dueAt)
    }
    func recordAttempt(_ attempt: AttemptRecord) async throws { try await base.recordAttempt(attempt) }
    func recordAttempts(_ results: [AttemptResult]) async throws { try await base.recordAttempts(results) }
    func attempts(noticeID: String) async throws -> [AttemptRecord] { try await base.attempts(noticeID: noticeID) }
    func recoverInterrupted(now: Date) async throws -> Int { try await base.recoverInterrupted(now: now) }
    func countByState() async throws -> [NoticeState: Int] { try await base.countByState() }
    func nextDue() async throws -> Date? { try await base.nextDue() }
    func insert(contentsOf notices: [NoticeRecord]) async throws -> [InsertOutcome] {
        try await base.insert(contentsOf: notices)
    }
    func recordDeliveryReport(_ report: DeliveryReport) async throws -> Bool {
        try await base.recordDeliveryReport(report)
    }
    func disabledReceivers() async throws -> [DisabledReceiver] { try await base.disabledReceivers() }
    func disableReceiver(_ receiver: DisabledReceiver) async throws { try await base.disableReceiver(receiver) }
    func enableReceiver(name: String) async throws -> Bool { try await base.enableReceiver(name: name) }
}

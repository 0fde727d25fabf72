import Foundation

/// A `NoticeStore` that hands every call to another store unless it implements the call itself: a view of the
/// outbox that changes one behaviour (e.g. which notices `claimDue` takes) and leaves the rest alone.
public protocol NoticeStoreWrapper: NoticeStore {
    /// The store the calls go to.
    var wrapped: any NoticeStore { get }
}

extension NoticeStoreWrapper {
    public func insert(_ notice: NoticeRecord) async throws -> InsertOutcome { try await wrapped.insert(notice) }
    public func notice(id: String) async throws -> NoticeRecord? { try await wrapped.notice(id: id) }
    public func notice(identity: NoticeIdentity) async throws -> NoticeRecord? {
        try await wrapped.notice(identity: identity)
    }
    public func claimDue(at now: Date, limit: Int) async throws -> [NoticeRecord] {
        try await wrapped.claimDue(at: now, limit: limit)
    }
    public func update(id: String, state: NoticeState, reason: String, dueAt: Date?) async throws {
        try await wrapped.update(id: id, state: state, reason: reason, dueAt: dueAt)
    }
    public func recordAttempt(_ attempt: AttemptRecord) async throws { try await wrapped.recordAttempt(attempt) }
    public func recordAttempts(_ results: [AttemptResult]) async throws { try await wrapped.recordAttempts(results) }
    public func attempts(noticeID: String) async throws -> [AttemptRecord] {
        try await wrapped.attempts(noticeID: noticeID)
    }
    public func recoverInterrupted(now: Date) async throws -> Int { try await wrapped.recoverInterrupted(now: now) }
    public func countByState() async throws -> [NoticeState: Int] { try await wrapped.countByState() }
    public func nextDue() async throws -> Date? { try await wrapped.nextDue() }
    public func insert(contentsOf notices: [NoticeRecord]) async throws -> [InsertOutcome] {
        try await wrapped.insert(contentsOf: notices)
    }
    public func recordDeliveryReport(_ report: DeliveryReport) async throws -> Bool {
        try await wrapped.recordDeliveryReport(report)
    }
    public func disabledReceivers() async throws -> [DisabledReceiver] { try await wrapped.disabledReceivers() }
    public func disableReceiver(_ receiver: DisabledReceiver) async throws {
        try await wrapped.disableReceiver(receiver)
    }
    public func enableReceiver(name: String) async throws -> Bool { try await wrapped.enableReceiver(name: name) }
}

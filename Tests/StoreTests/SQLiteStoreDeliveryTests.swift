import Foundation
import Testing

@testable import Store

/// Disabled receivers across a reopen of the file, and the protocol defaults a minimal store gets (shared
/// behaviour of batches and reports: `Tests/PostgresStoreTests/DeliveryConformanceTests`).
@Suite struct SQLiteStoreDeliveryTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func notice(_ id: String, step: String, message: [UInt8]? = nil) -> NoticeRecord {
        NoticeRecord(
            id: id, identity: NoticeIdentity(occurrence: "occ-1", action: "notify", step: step, recipient: "+1"),
            receiver: "sms", body: Array("body of \(id)".utf8), createdAt: t0, dueAt: t0, message: message)
    }

    @Test func disabledReceiversSurviveAReopenUntilEnabled() async throws {
        let (store, directory) = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try await store.disabledReceivers().isEmpty)
        let gone = DisabledReceiver(name: "hook", reason: "HTTP 410 Gone", since: t0)
        try await store.disableReceiver(gone)
        let again = try SQLiteStore(path: directory + "/forewarn.sqlite")
        #expect(try await again.disabledReceivers() == [gone])
        #expect(try await again.enableReceiver(name: "hook"))
        #expect(try await again.enableReceiver(name: "hook") == false)
        #expect(try await store.disabledReceivers().isEmpty)
    }

    @Test func storesWithoutTheNewRequirementsGetSafeDefaults() async throws {
        let store = MinimalStore()
        let records = [notice("msg_a", step: "a"), notice("msg_b", step: "a")]
        let outcomes = try await store.insert(contentsOf: records)
        #expect(outcomes.map { if case .inserted = $0 { true } else { false } } == [true, false])
        #expect(try await store.disabledReceivers().isEmpty)
        try await store.disableReceiver(DisabledReceiver(name: "hook", reason: "410", since: t0))
        #expect(try await store.enableReceiver(name: "hook") == false)
        await #expect(throws: StoreError.self) {
            _ = try await store.recordDeliveryReport(
                DeliveryReport(noticeID: "msg_a", outcome: .delivered, code: 1, at: t0))
        }
    }
}

/// A store written against the first protocol only (as another backend would be): the defaults fill the rest.
actor MinimalStore: NoticeStore {
    var notices: [NoticeIdentity: NoticeRecord] = [:]

    func insert(_ notice: NoticeRecord) async throws -> InsertOutcome {
        if let existing = notices[notice.identity] { return .duplicate(existing) }
        notices[notice.identity] = notice
        return .inserted
    }
    func notice(id: String) async throws -> NoticeRecord? { notices.values.first { $0.id == id } }
    func notice(identity: NoticeIdentity) async throws -> NoticeRecord? { notices[identity] }
    func claimDue(at now: Date, limit: Int) async throws -> [NoticeRecord] { [] }
    func update(id: String, state: NoticeState, reason: String, dueAt: Date?) async throws {}
    func recordAttempt(_ attempt: AttemptRecord) async throws {}
    func recordAttempts(_ results: [AttemptResult]) async throws {}
    func attempts(noticeID: String) async throws -> [AttemptRecord] { [] }
    func recoverInterrupted(now: Date) async throws -> Int { 0 }
    func countByState() async throws -> [NoticeState: Int] { [:] }
    func nextDue() async throws -> Date? { nil }
}

import Foundation
import Testing

@testable import Store

/// Batched inserts, delivery reports and disabled receivers (migration `v2-delivery`).
@Suite struct SQLiteStoreDeliveryTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func notice(_ id: String, step: String, message: [UInt8]? = nil) -> NoticeRecord {
        NoticeRecord(
            id: id, identity: NoticeIdentity(occurrence: "occ-1", action: "notify", step: step, recipient: "+1"),
            receiver: "sms", body: Array("body of \(id)".utf8), createdAt: t0, dueAt: t0, message: message)
    }

    @Test func insertsABatchInOneCallKeepingEachOutcomeAndTheFirstIdPerIdentity() async throws {
        let (store, directory) = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try await store.insert(notice("msg_old", step: "b")) == .inserted)
        let outcomes = try await store.insert(contentsOf: [
            notice("msg_a", step: "a", message: [1, 2, 3]), notice("msg_b", step: "b"), notice("msg_c", step: "c"),
            notice("msg_a2", step: "a"),
        ])
        #expect(outcomes.count == 4)
        #expect(outcomes[0] == .inserted)
        #expect(outcomes[1] == .duplicate(notice("msg_old", step: "b")))
        #expect(outcomes[2] == .inserted)
        guard case .duplicate(let first) = outcomes[3] else {
            Issue.record("a second identity in the same batch must be a duplicate"); return
        }
        #expect(first.id == "msg_a")
        #expect(try await store.notice(id: "msg_a")?.message == [1, 2, 3])
        #expect(try await store.notice(id: "msg_c")?.message == nil)
        #expect(try await store.countByState() == [.pending: 3])
        #expect(try await store.insert(contentsOf: []).isEmpty)
    }

    @Test func aFailingBatchStoresNothing() async throws {
        let (store, directory) = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try await store.insert(notice("msg_taken", step: "x"))
        // The second record reuses an id under another identity: the whole transaction rolls back.
        await #expect(throws: StoreError.self) {
            _ = try await store.insert(contentsOf: [notice("msg_new", step: "y"), notice("msg_taken", step: "z")])
        }
        #expect(try await store.notice(id: "msg_new") == nil)
    }

    @Test func keepsTheLatestDeliveryReportButNeverReplacesAFinalOne() async throws {
        let (store, directory) = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try await store.insert(notice("msg_a", step: "a"))
        let accepted = DeliveryReport(noticeID: "msg_a", outcome: .accepted, code: 8, at: t0.addingTimeInterval(1))
        let delivered = DeliveryReport(noticeID: "msg_a", outcome: .delivered, code: 1, at: t0.addingTimeInterval(5))
        let late = DeliveryReport(noticeID: "msg_a", outcome: .buffered, code: 4, at: t0.addingTimeInterval(9))
        #expect(try await store.recordDeliveryReport(accepted))
        #expect(try await store.notice(id: "msg_a")?.deliveryReport == accepted)
        #expect(try await store.recordDeliveryReport(delivered))
        #expect(try await store.recordDeliveryReport(late))
        #expect(try await store.notice(id: "msg_a")?.deliveryReport == delivered)
        #expect(try await store.notices(state: nil).first?.deliveryReport == delivered)
        let unknown = DeliveryReport(noticeID: "msg_none", outcome: .failed, code: 2, at: t0)
        #expect(try await store.recordDeliveryReport(unknown) == false)
        // The report survives reopening the database.
        let again = try SQLiteStore(path: directory + "/forewarn.sqlite")
        #expect(try await again.notice(id: "msg_a")?.deliveryReport?.outcome == .delivered)
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

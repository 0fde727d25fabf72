import Foundation
import PostgresStore
import Store
import Testing

/// The delivery requirements (migration `v2-delivery`), run against both SQLite and PostgreSQL
/// (generalized from StoreTests/SQLiteStoreDeliveryTests; a second handle on the same database stands for a reopen).
@Suite struct DeliveryConformanceTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func notice(_ id: String, step: String, message: [UInt8]? = nil) -> NoticeRecord {
        NoticeRecord(
            id: id, identity: NoticeIdentity(occurrence: "occ-1", action: "notify", step: step, recipient: "+1"),
            receiver: "sms", body: Array("body of \(id)".utf8) + [0, 255], createdAt: t0, dueAt: t0, message: message)
    }

    @Test(arguments: StoreBackend.available)
    func insertsABatchKeepingEachOutcomeAndTheFirstIdPerIdentity(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        #expect(try await store.insert(Self.notice("msg_old", step: "b")) == .inserted)
        let outcomes = try await store.insert(contentsOf: [
            Self.notice("msg_a", step: "a", message: [1, 2, 0, 255]), Self.notice("msg_b", step: "b"),
            Self.notice("msg_c", step: "c"), Self.notice("msg_a2", step: "a"), Self.notice("msg_c", step: "c"),
        ])
        #expect(outcomes.count == 5)
        #expect(outcomes[0] == .inserted)
        #expect(outcomes[1] == .duplicate(Self.notice("msg_old", step: "b")))
        #expect(outcomes[2] == .inserted)
        #expect(outcomes[3] == .duplicate(Self.notice("msg_a", step: "a", message: [1, 2, 0, 255])))
        #expect(outcomes[4] == .duplicate(Self.notice("msg_c", step: "c")))
        #expect(try await store.notice(id: "msg_a")?.message == [1, 2, 0, 255])
        #expect(try await store.notice(id: "msg_c")?.message == nil)
        #expect(try await store.notice(id: "msg_c")?.body == Array("body of msg_c".utf8) + [0, 255])
        #expect(try await store.countByState() == [.pending: 3])
        #expect(try await store.insert(contentsOf: []).isEmpty)
    }

    @Test(arguments: StoreBackend.available)
    func aFailingBatchStoresNothing(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        _ = try await store.insert(Self.notice("msg_taken", step: "x"))
        // The second record reuses an id under another identity: the whole transaction rolls back.
        await #expect(throws: StoreError.self) {
            _ = try await store.insert(contentsOf: [
                Self.notice("msg_new", step: "y"), Self.notice("msg_taken", step: "z"),
            ])
        }
        #expect(try await store.notice(id: "msg_new") == nil)
        #expect(try await store.countByState() == [.pending: 1])
    }

    @Test(arguments: StoreBackend.available)
    func keepsTheLatestDeliveryReportButNeverReplacesAFinalOne(backend: StoreBackend) async throws {
        let stores = try await backend.makeStores(2)
        let store = stores[0]
        _ = try await store.insert(Self.notice("msg_a", step: "a"))
        let accepted = DeliveryReport(noticeID: "msg_a", outcome: .accepted, code: 8, at: Self.t0 + 1)
        let delivered = DeliveryReport(noticeID: "msg_a", outcome: .delivered, code: 1, at: Self.t0 + 5)
        let late = DeliveryReport(noticeID: "msg_a", outcome: .buffered, code: 4, at: Self.t0 + 9)
        #expect(try await store.recordDeliveryReport(accepted))
        #expect(try await store.notice(id: "msg_a")?.deliveryReport == accepted)
        #expect(try await store.recordDeliveryReport(delivered))
        #expect(try await store.recordDeliveryReport(late))
        #expect(try await store.notice(id: "msg_a")?.deliveryReport == delivered)
        #expect(try await store.notices(state: nil, limit: 10).first?.deliveryReport == delivered)
        let failed = DeliveryReport(noticeID: "msg_a", outcome: .failed, code: 2, at: Self.t0 + 12)
        #expect(try await store.recordDeliveryReport(failed))
        #expect(try await stores[1].notice(id: "msg_a")?.deliveryReport == failed)
        let unknown = DeliveryReport(noticeID: "msg_none", outcome: .failed, code: 2, at: Self.t0)
        #expect(try await store.recordDeliveryReport(unknown) == false)
        #expect(try await store.claimDue(at: Self.t0, limit: 10).first?.deliveryReport == failed)
    }

    @Test(arguments: StoreBackend.available)
    func disabledReceiversAreSharedUntilEnabled(backend: StoreBackend) async throws {
        let stores = try await backend.makeStores(2)
        #expect(try await stores[0].disabledReceivers().isEmpty)
        let gone = DisabledReceiver(name: "hook", reason: "HTTP 410 Gone", since: Self.t0)
        try await stores[0].disableReceiver(gone)
        let again = DisabledReceiver(name: "hook", reason: "HTTP 410 Gone again", since: Self.t0 + 60)
        try await stores[0].disableReceiver(again)
        #expect(try await stores[1].disabledReceivers() == [again])
        #expect(try await stores[1].enableReceiver(name: "hook"))
        #expect(try await stores[1].enableReceiver(name: "hook") == false)
        #expect(try await stores[0].disabledReceivers().isEmpty)
    }

    @Test(arguments: StoreBackend.available)
    func looksUpTheSuppressionsOfManyAddressesAtOnce(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        try await store.suppress(Suppression(address: "+1", channel: "sms", reason: "opt-out: STOP", since: Self.t0))
        try await store.suppress(
            Suppression(address: "+3", channel: "sms", reason: "wrong number", since: Self.t0, confirmationSent: true))
        try await store.suppress(Suppression(address: "+2", channel: "email", reason: "bounced", since: Self.t0))
        let addresses = Set((0..<1_200).map { "+\($0)" })
        let found = try await store.suppressions(addresses: addresses, channel: "sms")
        #expect(Set(found.keys) == ["+1", "+3"])
        #expect(found["+3"]?.confirmationSent == true)
        #expect(found["+1"]?.reason == "opt-out: STOP")
        #expect(try await store.suppressions(addresses: [], channel: "sms").isEmpty)
    }
}

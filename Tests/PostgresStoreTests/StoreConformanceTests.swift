import Foundation
import PostgresStore
import Store
import Testing

/// The store test suite, run against both SQLite and PostgreSQL (generalized from StoreTests/SQLiteStoreTests).
@Suite struct StoreConformanceTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func notice(_ id: String, recipient: String = "+1", step: String = "before-3d", due: Double = 0)
        -> NoticeRecord
    {
        NoticeRecord(
            id: id, identity: NoticeIdentity(occurrence: "occ-1", action: "notify", step: step, recipient: recipient),
            receiver: "sms", body: Array("body of \(id)".utf8) + [0, 255], createdAt: t0,
            dueAt: t0.addingTimeInterval(due))
    }

    @Test(arguments: StoreBackend.available)
    func identityIsUniqueAndTheFirstIdWins(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        #expect(try await store.insert(Self.notice("msg_a")) == .inserted)
        #expect(try await store.insert(Self.notice("msg_b")) == .duplicate(Self.notice("msg_a")))
        #expect(try await store.notice(id: "msg_b") == nil)
        #expect(try await store.notice(id: "msg_a")?.body == Array("body of msg_a".utf8) + [0, 255])
        #expect(try await store.insert(Self.notice("msg_c", recipient: "+2")) == .inserted)
        await #expect(throws: StoreError.self) { _ = try await store.insert(Self.notice("msg_a", recipient: "+3")) }
    }

    @Test(arguments: StoreBackend.available)
    func claimsDueNoticesOnceAndRecoversInterruptedOnes(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        _ = try await store.insert(Self.notice("msg_now", step: "a"))
        _ = try await store.insert(Self.notice("msg_later", step: "b", due: 600))
        let claimed = try await store.claimDue(at: Self.t0, limit: 10)
        #expect(claimed.map(\.id) == ["msg_now"])
        #expect(claimed.first?.state == .sending)
        #expect(claimed.first?.body == Array("body of msg_now".utf8) + [0, 255])
        #expect(try await store.claimDue(at: Self.t0, limit: 10).isEmpty)
        #expect(try await store.nextDue() == Self.t0.addingTimeInterval(600))
        #expect(try await store.recoverInterrupted(now: Self.t0) == 1)
        #expect(try await store.notice(id: "msg_now")?.state == .pending)
        let later = try await store.claimDue(at: Self.t0.addingTimeInterval(600), limit: 10)
        #expect(later.map(\.id) == ["msg_now", "msg_later"])
    }

    @Test(arguments: StoreBackend.available)
    func aSingleNoticeIsClaimedByIdentityLeavingEveryOtherNoticeAlone(backend: StoreBackend) async throws {
        let store = try #require(try await backend.makeStore() as? any SingleNoticeClaiming)
        _ = try await store.insert(Self.notice("msg_daemon", step: "daemon"))
        _ = try await store.insert(Self.notice("msg_mine", step: "mine"))
        _ = try await store.insert(Self.notice("msg_later", step: "later", due: 600))
        let mine = try await store.claimDue(identity: Self.notice("msg_mine", step: "mine").identity, at: Self.t0)
        #expect(mine?.id == "msg_mine")
        #expect(mine?.state == .sending)
        #expect(try await store.notice(id: "msg_daemon")?.state == .pending, "another notice is never taken")
        #expect(
            try await store.claimDue(identity: Self.notice("msg_mine", step: "mine").identity, at: Self.t0) == nil,
            "a notice being sent is not claimed twice")
        #expect(
            try await store.claimDue(identity: Self.notice("msg_later", step: "later").identity, at: Self.t0) == nil,
            "a notice not yet due is not claimed")
    }

    @Test(arguments: StoreBackend.available)
    func recordsAttemptsAndStates(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        _ = try await store.insert(Self.notice("msg_a"))
        try await store.recordAttempt(
            AttemptRecord(noticeID: "msg_a", at: Self.t0, status: 503, latency: 0.2, error: "HTTP 503"))
        try await store.recordAttempt(
            AttemptRecord(noticeID: "msg_a", at: Self.t0, status: nil, latency: 5, error: "timeout"))
        try await store.update(id: "msg_a", state: .dead, reason: "gave up", dueAt: nil)
        let stored = try #require(try await store.notice(id: "msg_a"))
        #expect(stored.attemptCount == 2)
        #expect(stored.state == .dead)
        #expect(stored.reason == "gave up")
        #expect(try await store.attempts(noticeID: "msg_a").map(\.status) == [503, nil])
        #expect(try await store.attempts(noticeID: "msg_a").map(\.latency) == [0.2, 5])
        #expect(try await store.countByState() == [.dead: 1])
        await #expect(throws: StoreError.self) {
            try await store.update(id: "missing", state: .dead, reason: "", dueAt: nil)
        }
    }

    @Test(arguments: StoreBackend.available)
    func recordsABatchOfAttemptResults(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        _ = try await store.insert(Self.notice("msg_a", step: "a"))
        _ = try await store.insert(Self.notice("msg_b", step: "b"))
        _ = try await store.insert(Self.notice("msg_c", step: "c"))
        _ = try await store.claimDue(at: Self.t0, limit: 10)
        let retryAt = Self.t0.addingTimeInterval(5)
        try await store.recordAttempts([
            AttemptResult(
                attempt: AttemptRecord(noticeID: "msg_c", at: Self.t0, status: nil, latency: 30, error: "timeout"),
                state: .dead, reason: "gave up", dueAt: nil),
            AttemptResult(
                attempt: AttemptRecord(noticeID: "msg_a", at: Self.t0, status: 200, latency: 0.01, error: nil),
                state: .delivered, reason: "accepted", dueAt: nil),
            AttemptResult(
                attempt: AttemptRecord(noticeID: "msg_b", at: Self.t0, status: 503, latency: 0.01, error: "HTTP 503"),
                state: .pending, reason: "HTTP 503", dueAt: retryAt),
        ])
        #expect(try await store.notice(id: "msg_a")?.state == .delivered)
        let retried = try #require(try await store.notice(id: "msg_b"))
        #expect(retried.state == .pending)
        #expect(retried.dueAt == retryAt)
        #expect(retried.attemptCount == 1)
        #expect(try await store.attempts(noticeID: "msg_b").map(\.error) == ["HTTP 503"])
        let dead = try await store.attempts(noticeID: "msg_c")
        #expect(dead.map(\.status) == [nil])
        #expect(dead.map(\.error) == ["timeout"])
        #expect(try await store.notice(id: "msg_c")?.dueAt == Self.t0, "no new due time: unchanged")
        #expect(try await store.countByState() == [.delivered: 1, .pending: 1, .dead: 1])
        #expect(try await store.claimDue(at: retryAt, limit: 10).map(\.id) == ["msg_b"])
    }

    @Test(arguments: StoreBackend.available)
    func keepsConsentSuppressionsAndContactCounts(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        #expect(try await store.consent(recipient: "r", channel: "sms") == nil)
        try await store.setConsent(recipient: "r", channel: "sms", granted: true, now: Self.t0)
        #expect(try await store.consent(recipient: "r", channel: "sms") == true)
        try await store.setConsent(recipient: "r", channel: "sms", granted: false, now: Self.t0)
        #expect(try await store.consent(recipient: "r", channel: "sms") == false)
        try await store.suppress(Suppression(address: "+1", channel: "sms", reason: "opt-out: STOP", since: Self.t0))
        try await store.suppress(
            Suppression(
                address: "+1", channel: "sms", reason: "opt-out: BAJA", since: Self.t0, confirmationSent: true))
        let suppression = try await store.suppression(address: "+1", channel: "sms")
        #expect(suppression?.reason == "opt-out: BAJA")
        #expect(suppression?.confirmationSent == true)
        #expect(suppression?.since == Self.t0)
        #expect(try await store.removeSuppression(address: "+1", channel: "sms"))
        #expect(try await store.removeSuppression(address: "+1", channel: "sms") == false)
        #expect(try await store.suppression(address: "+1", channel: "sms") == nil)
        for day in 0..<4 {
            try await store.recordContact(
                recipient: "r", audience: "customers", at: Self.t0.addingTimeInterval(Double(day) * 86_400))
        }
        let since = Self.t0.addingTimeInterval(86_400)
        #expect(try await store.contactCount(recipient: "r", audience: "customers", since: since) == 3)
        #expect(try await store.contactCount(recipient: "r", audience: "staff", since: Self.t0) == 0)
    }

    @Test(arguments: StoreBackend.available)
    func listsNewestFirstByState(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        for index in 0..<3 {
            var record = Self.notice("msg_\(index)", step: "s\(index)")
            record.createdAt = Self.t0.addingTimeInterval(Double(index))
            _ = try await store.insert(record)
        }
        try await store.update(id: "msg_1", state: .cancelled, reason: "withdrawn", dueAt: nil)
        #expect(try await store.notices(state: nil).map(\.id) == ["msg_2", "msg_1", "msg_0"])
        #expect(try await store.notices(state: .pending, limit: 1).map(\.id) == ["msg_2"])
        #expect(try await store.notices(state: .cancelled).map(\.id) == ["msg_1"])
    }

    /// Two stores claiming concurrently from one table never get the same notice, and together get all.
    @Test(arguments: StoreBackend.available)
    func concurrentClaimsNeverShareANotice(backend: StoreBackend) async throws {
        let stores = try await backend.makeStores(2)
        let total = 600
        for index in 0..<total {
            _ = try await stores[0].insert(Self.notice(String(format: "msg_%04d", index), step: "s\(index)"))
        }
        let claims = try await withThrowingTaskGroup(of: [String].self) { group in
            for store in stores {
                group.addTask {
                    var mine: [String] = []
                    while true {
                        let batch = try await store.claimDue(at: Self.t0, limit: 7)
                        if batch.isEmpty { return mine }
                        mine += batch.map(\.id)
                    }
                }
            }
            return try await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        let all = claims.flatMap { $0 }
        #expect(all.count == total, "claimed \(all.count) of \(total)")
        #expect(Set(all).count == all.count, "a notice was claimed twice")
        #expect(try await stores[1].countByState() == [.sending: total])
    }
}

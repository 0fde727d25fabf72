import Foundation
import Testing

@testable import Store

/// Opens a store in a fresh temporary directory.
func makeStore() throws -> (SQLiteStore, String) {
    let directory = NSTemporaryDirectory() + "/forewarn-store-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    return (try SQLiteStore(path: directory + "/forewarn.sqlite"), directory)
}

@Suite struct SQLiteStoreTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func notice(_ id: String, recipient: String = "+1", step: String = "before-3d", due: Double = 0) -> NoticeRecord {
        NoticeRecord(
            id: id, identity: NoticeIdentity(occurrence: "occ-1", action: "notify", step: step, recipient: recipient),
            receiver: "sms", body: Array("body of \(id)".utf8) + [0, 255], createdAt: t0,
            dueAt: t0.addingTimeInterval(due))
    }

    @Test func migratesInWALModeAndListsVersions() async throws {
        let (store, directory) = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try store.appliedMigrations() == ["v1-outbox", "v1-recipients", "v2-delivery", "v2-occurrences"])
        let mode = try await store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        // Reopening runs no migration twice and keeps data.
        _ = try await store.insert(notice("msg_a"))
        let again = try SQLiteStore(path: directory + "/forewarn.sqlite")
        #expect(try await again.notice(id: "msg_a")?.body == Array("body of msg_a".utf8) + [0, 255])
    }

    @Test func identityIsUniqueAndTheFirstIdWins() async throws {
        let (store, directory) = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try await store.insert(notice("msg_a")) == .inserted)
        let second = try await store.insert(notice("msg_b"))
        #expect(second == .duplicate(notice("msg_a")))
        #expect(try await store.notice(id: "msg_b") == nil)
        #expect(try await store.insert(notice("msg_c", recipient: "+2")) == .inserted)
        await #expect(throws: StoreError.self) { _ = try await store.insert(notice("msg_a", recipient: "+3")) }
    }

    @Test func claimsDueNoticesOnceAndRecoversInterruptedOnes() async throws {
        let (store, directory) = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try await store.insert(notice("msg_now", step: "a"))
        _ = try await store.insert(notice("msg_later", step: "b", due: 600))
        let claimed = try await store.claimDue(at: t0, limit: 10)
        #expect(claimed.map(\.id) == ["msg_now"])
        #expect(claimed.first?.state == .sending)
        #expect(try await store.claimDue(at: t0, limit: 10).isEmpty)
        #expect(try await store.nextDue() == t0.addingTimeInterval(600))
        #expect(try await store.recoverInterrupted(now: t0) == 1)
        #expect(try await store.notice(id: "msg_now")?.state == .pending)
        #expect(
            try await store.claimDue(at: t0.addingTimeInterval(600), limit: 10).map(\.id).sorted()
                == ["msg_later", "msg_now"])
    }

    @Test func recordsAttemptsAndStates() async throws {
        let (store, directory) = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try await store.insert(notice("msg_a"))
        try await store.recordAttempt(
            AttemptRecord(noticeID: "msg_a", at: t0, status: 503, latency: 0.2, error: "HTTP 503"))
        try await store.recordAttempt(
            AttemptRecord(noticeID: "msg_a", at: t0, status: nil, latency: 5, error: "timeout"))
        try await store.update(id: "msg_a", state: .dead, reason: "gave up", dueAt: nil)
        let stored = try #require(try await store.notice(id: "msg_a"))
        #expect(stored.attemptCount == 2)
        #expect(stored.state == .dead)
        #expect(stored.reason == "gave up")
        #expect(try await store.attempts(noticeID: "msg_a").map(\.status) == [503, nil])
        #expect(try await store.countByState() == [.dead: 1])
        await #expect(throws: StoreError.self) {
            try await store.update(id: "missing", state: .dead, reason: "", dueAt: nil)
        }
    }

    @Test func recordsABatchOfAttemptResultsInOneTransaction() async throws {
        let (store, directory) = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try await store.insert(notice("msg_a", step: "a"))
        _ = try await store.insert(notice("msg_b", step: "b"))
        let retryAt = t0.addingTimeInterval(5)
        try await store.recordAttempts([
            AttemptResult(
                attempt: AttemptRecord(noticeID: "msg_a", at: t0, status: 200, latency: 0.01, error: nil),
                state: .delivered, reason: "accepted", dueAt: nil),
            AttemptResult(
                attempt: AttemptRecord(noticeID: "msg_b", at: t0, status: 503, latency: 0.01, error: "HTTP 503"),
                state: .pending, reason: "HTTP 503", dueAt: retryAt),
        ])
        #expect(try await store.notice(id: "msg_a")?.state == .delivered)
        let retried = try #require(try await store.notice(id: "msg_b"))
        #expect(retried.state == .pending)
        #expect(retried.dueAt == retryAt)
        #expect(retried.attemptCount == 1)
        #expect(try await store.attempts(noticeID: "msg_b").map(\.error) == ["HTTP 503"])
    }

    @Test func keepsConsentSuppressionsAndContactCounts() async throws {
        let (store, directory) = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try await store.consent(recipient: "r", channel: "sms") == nil)
        try await store.setConsent(recipient: "r", channel: "sms", granted: true, now: t0)
        #expect(try await store.consent(recipient: "r", channel: "sms") == true)
        try await store.suppress(Suppression(address: "+1", channel: "sms", reason: "opt-out: STOP", since: t0))
        #expect(try await store.suppression(address: "+1", channel: "sms")?.reason == "opt-out: STOP")
        #expect(try await store.removeSuppression(address: "+1", channel: "sms"))
        #expect(try await store.suppression(address: "+1", channel: "sms") == nil)
        for day in 0..<4 {
            try await store.recordContact(
                recipient: "r", audience: "customers", at: t0.addingTimeInterval(Double(day) * 86_400))
        }
        #expect(
            try await store.contactCount(recipient: "r", audience: "customers", since: t0.addingTimeInterval(86_400))
                == 3)
        #expect(try await store.contactCount(recipient: "r", audience: "staff", since: t0) == 0)
    }
}

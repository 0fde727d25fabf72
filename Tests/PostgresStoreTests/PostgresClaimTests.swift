import Foundation
import PostgresNIO
import Store
import Testing

@testable import PostgresStore

/// Multi-instance claims on a real PostgreSQL server: expiry, reclaiming, renewal and fencing.
@Suite(
    .enabled(
        if: PostgresServer.binaries != nil,
        "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (install the Debian package postgresql)"))
struct PostgresClaimTests {
    let t0 = StoreConformanceTests.t0

    @Test func aStaleClaimIsReclaimedByAnotherInstanceOnlyAfterItExpires() async throws {
        let location = try await TestDatabase.make()
        let a = try await TestDatabase.store(location, instance: "a", claimTimeout: 30)
        let b = try await TestDatabase.store(location, instance: "b", claimTimeout: 30)
        _ = try await a.insert(StoreConformanceTests.notice("msg_a"))
        #expect(try await a.claimDue(at: t0, limit: 10).map(\.id) == ["msg_a"])
        #expect(try await b.claimDue(at: t0.addingTimeInterval(29), limit: 10).isEmpty)
        let claim = try #require(try await a.claim(noticeID: "msg_a"))
        #expect(claim.instance == "a")
        #expect(claim.expiresAt == t0.addingTimeInterval(30))
        let reclaimed = try await b.claimDue(at: t0.addingTimeInterval(30), limit: 10)
        #expect(reclaimed.map(\.id) == ["msg_a"])
        #expect(try await b.claim(noticeID: "msg_a")?.instance == "b")
        #expect(try await b.notice(id: "msg_a")?.reason == "reclaimed: the claim of a expired")
    }

    @Test func recoveringAtStartUpLeavesLiveClaimsOfOthersAlone() async throws {
        let location = try await TestDatabase.make()
        let a = try await TestDatabase.store(location, instance: "a", claimTimeout: 30)
        let b = try await TestDatabase.store(location, instance: "b", claimTimeout: 30)
        _ = try await a.insert(StoreConformanceTests.notice("msg_a", step: "1"))
        _ = try await a.insert(StoreConformanceTests.notice("msg_b", step: "2"))
        #expect(try await a.claimDue(at: t0, limit: 1).map(\.id) == ["msg_a"])
        #expect(try await b.claimDue(at: t0, limit: 1).map(\.id) == ["msg_b"])
        // B restarts: only its own claim returns to pending, A's live claim stays.
        #expect(try await b.recoverInterrupted(now: t0.addingTimeInterval(1)) == 1)
        #expect(try await a.notice(id: "msg_a")?.state == .sending)
        #expect(try await a.notice(id: "msg_b")?.state == .pending)
        // After A's claim expired, anyone's recovery returns it too.
        #expect(try await b.recoverInterrupted(now: t0.addingTimeInterval(30)) == 1)
        #expect(try await a.notice(id: "msg_a")?.state == .pending)
    }

    @Test func renewingKeepsAClaimAliveBeyondItsFirstExpiry() async throws {
        let location = try await TestDatabase.make()
        let a = try await TestDatabase.store(location, instance: "a", claimTimeout: 30)
        let b = try await TestDatabase.store(location, instance: "b", claimTimeout: 30)
        _ = try await a.insert(StoreConformanceTests.notice("msg_a"))
        _ = try await a.claimDue(at: t0, limit: 10)
        #expect(try await a.renewClaims(now: t0.addingTimeInterval(20)) == 1)
        #expect(try await b.renewClaims(now: t0.addingTimeInterval(20)) == 0)
        #expect(try await b.claimDue(at: t0.addingTimeInterval(45), limit: 10).isEmpty)
        #expect(try await b.claimDue(at: t0.addingTimeInterval(50), limit: 10).map(\.id) == ["msg_a"])
    }

    @Test func aLateResultDoesNotUndoTheWorkOfTheInstanceThatReclaimed() async throws {
        let location = try await TestDatabase.make()
        let a = try await TestDatabase.store(location, instance: "a", claimTimeout: 30)
        let b = try await TestDatabase.store(location, instance: "b", claimTimeout: 30)
        _ = try await a.insert(StoreConformanceTests.notice("msg_a", step: "1"))
        _ = try await a.insert(StoreConformanceTests.notice("msg_b", step: "2"))
        _ = try await a.claimDue(at: t0, limit: 10)
        _ = try await b.claimDue(at: t0.addingTimeInterval(31), limit: 10)
        try await a.recordAttempts([
            AttemptResult(
                attempt: AttemptRecord(noticeID: "msg_a", at: t0, status: 503, latency: 31, error: "HTTP 503"),
                state: .pending, reason: "HTTP 503", dueAt: t0.addingTimeInterval(60)),
            AttemptResult(
                attempt: AttemptRecord(noticeID: "msg_b", at: t0, status: 200, latency: 31, error: nil),
                state: .delivered, reason: "accepted", dueAt: nil),
        ])
        let retried = try #require(try await a.notice(id: "msg_a"))
        #expect(retried.state == .sending, "B still holds msg_a; A's retry must not return it to pending")
        #expect(retried.attemptCount == 1)
        #expect(try await a.claim(noticeID: "msg_a")?.instance == "b")
        #expect(try await a.notice(id: "msg_b")?.state == .delivered, "a delivery is a fact whoever holds the claim")
    }

    @Test func idAndBodyCannotBeRewrittenEvenBySQL() async throws {
        let store = try await TestDatabase.store(try await TestDatabase.make())
        _ = try await store.insert(StoreConformanceTests.notice("msg_a"))
        await #expect(throws: (any Error).self) {
            try await store.client.query("UPDATE notices SET body = '\\x00'::bytea WHERE id = 'msg_a'")
        }
        await #expect(throws: (any Error).self) {
            try await store.client.query("UPDATE notices SET id = 'msg_z' WHERE id = 'msg_a'")
        }
        #expect(try await store.notice(id: "msg_a")?.body == Array("body of msg_a".utf8) + [0, 255])
    }

    @Test func migrationsAreRecordedOnceAndReopeningKeepsData() async throws {
        let location = try await TestDatabase.make()
        let first = try await TestDatabase.store(location)
        let expected = ["v1-outbox", "v1-recipients", "v2-claims", "v2-instances", "v2-delivery", "v2-occurrences"]
        #expect(try await first.appliedMigrations() == expected)
        _ = try await first.insert(StoreConformanceTests.notice("msg_a"))
        // Several instances starting at once: the advisory lock serializes them, none fails or migrates twice.
        let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
            for index in 0..<3 { group.addTask { try await TestDatabase.store(location, instance: "i\(index)") } }
            return try await group.reduce(into: [PostgresStore]()) { $0.append($1) }
        }
        for store in stores { #expect(try await store.appliedMigrations() == expected) }
        #expect(try await stores[0].notice(id: "msg_a") != nil)
    }
}

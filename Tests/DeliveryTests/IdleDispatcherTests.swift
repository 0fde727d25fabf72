import Foundation
import HTTPTransport
import Store
import TestPeers
import Testing

@testable import Delivery

/// An idle dispatcher sleeps between polls: after a few nudges (submissions) it claims about once per poll
/// interval, not in a loop (a cancelled poll timer used to leave a wake-up behind on every pass).
@Suite struct IdleDispatcherTests {
    /// The SQLite outbox, counting `claimDue` calls.
    final class CountingStore: NoticeStore, @unchecked Sendable {
        let base: SQLiteStore
        private let lock = NSLock()
        private var claimCount = 0
        init(base: SQLiteStore) { self.base = base }
        var claims: Int { lock.withLock { claimCount } }

        func claimDue(at now: Date, limit: Int) async throws -> [NoticeRecord] {
            lock.withLock { claimCount += 1 }
            return try await base.claimDue(at: now, limit: limit)
        }
        func insert(_ notice: NoticeRecord) async throws -> InsertOutcome { try await base.insert(notice) }
        func notice(id: String) async throws -> NoticeRecord? { try await base.notice(id: id) }
        func notice(identity: NoticeIdentity) async throws -> NoticeRecord? {
            try await base.notice(identity: identity)
        }
        func update(id: String, state: NoticeState, reason: String, dueAt: Date?) async throws {
            try await base.update(id: id, state: state, reason: reason, dueAt: dueAt)
        }
        func recordAttempt(_ attempt: AttemptRecord) async throws { try await base.recordAttempt(attempt) }
        func recordAttempts(_ results: [AttemptResult]) async throws { try await base.recordAttempts(results) }
        func attempts(noticeID: String) async throws -> [AttemptRecord] { try await base.attempts(noticeID: noticeID) }
        func recoverInterrupted(now: Date) async throws -> Int { try await base.recoverInterrupted(now: now) }
        func countByState() async throws -> [NoticeState: Int] { try await base.countByState() }
        func nextDue() async throws -> Date? { try await base.nextDue() }
    }

    @Test func anIdleDispatcherClaimsAboutOncePerPollNotInALoop() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sqlite = try SQLiteStore(path: directory.path + "/forewarn.sqlite")
        let store = CountingStore(base: sqlite)
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let dispatcher = try Dispatcher(store: store, recipients: sqlite, transport: transport, receivers: [])
        let stop = DispatcherStop()
        let running = Task {
            try await dispatcher.run(until: stop, grace: .seconds(1), pollInterval: .milliseconds(100))
        }
        for _ in 0..<5 {
            dispatcher.nudge()
            try await Task.sleep(for: .milliseconds(30))
        }
        try await Task.sleep(for: .seconds(1))
        stop.request()
        try await running.value
        // About 10 polls and 5 nudges in those 1.15 s; the spinning loop claimed thousands of times.
        #expect(store.claims < 60, "the idle dispatcher claimed \(store.claims) times in about a second")
        #expect(store.claims >= 3, "the dispatcher did not poll at all")
    }
}

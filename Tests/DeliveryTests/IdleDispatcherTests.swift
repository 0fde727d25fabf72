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
    final class CountingStore: NoticeStoreWrapper, @unchecked Sendable {
        let wrapped: any NoticeStore
        private let lock = NSLock()
        private var claimCount = 0
        init(base: SQLiteStore) { wrapped = base }
        var claims: Int { lock.withLock { claimCount } }

        func claimDue(at now: Date, limit: Int) async throws -> [NoticeRecord] {
            lock.withLock { claimCount += 1 }
            return try await wrapped.claimDue(at: now, limit: limit)
        }
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
        let started = ContinuousClock.now
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
        // One claim per 100 ms poll and one per nudge at most (a loaded machine polls less often, never more);
        // twice that plus slack is the bound. The spinning loop claimed 4,137 times in about a second.
        let polls = (ContinuousClock.now - started) / .milliseconds(100)
        #expect(Double(store.claims) <= 2 * polls + 15, "\(store.claims) claims over \(polls) poll intervals")
        #expect(store.claims >= 1, "the dispatcher did not claim at all")
    }
}

import Foundation
import Logging
import Store
import Testing

@testable import forewarn

/// The daemon's hourly pruning: the first pass after the start-up delay with the cutoff `now - retention`, a
/// store error logged and survived, and the loop stops when its task is cancelled (a shutdown).
@Suite struct RetentionServiceTests {
    /// Records each cutoff; throws when told to.
    final class CountingStore: StorePruning, @unchecked Sendable {
        private let lock = NSLock()
        private var cutoffs: [Date] = []
        let failing: Bool
        init(failing: Bool = false) { self.failing = failing }
        var seen: [Date] { lock.withLock { cutoffs } }
        func prune(before cutoff: Date) async throws -> PruneCounts {
            lock.withLock { cutoffs.append(cutoff) }
            if failing { throw StoreError("disk I/O error") }
            return PruneCounts(notices: 3)
        }
    }

    @Test func passesUseTheRetentionAndSurviveAStoreError() async throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let store = CountingStore()
        let service = RetentionService(store: store, retention: 90 * 86_400, logger: Logger(label: "test"))
        #expect(await service.prune(at: now) == PruneCounts(notices: 3))
        #expect(store.seen == [now.addingTimeInterval(-90 * 86_400)])
        let broken = RetentionService(
            store: CountingStore(failing: true), retention: 86_400, logger: Logger(label: "test"))
        #expect(await broken.prune(at: now) == nil)
    }

    @Test func theLoopPrunesAfterTheDelayAndStopsWhenCancelled() async throws {
        let store = CountingStore()
        var service = RetentionService(store: store, retention: 180 * 86_400, logger: Logger(label: "test"))
        service.delay = .milliseconds(20)
        service.interval = .seconds(3600)
        let running = Task { try await service.run() }
        let deadline = ContinuousClock.now + .seconds(30)
        while store.seen.isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(store.seen.count == 1, "one pass after the delay, the next an hour later")
        running.cancel()
        try await running.value
        #expect(store.seen.count == 1)
    }

    @Test func retentionParsesDaysAndOffAndRefusesLessThanSixtyDays() throws {
        #expect(try Retention.parse("180d").seconds == 180 * 86_400)
        #expect(try Retention.parse("26w").seconds == 26 * 7 * 86_400)
        #expect(try Retention.parse("off").seconds == nil)
        #expect(throws: (any Error).self) { try Retention.parse("59d") }
        #expect(throws: (any Error).self) { try Retention.parse("forever") }
    }
}

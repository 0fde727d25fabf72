import Foundation
import Signals

/// A virtual wall clock: `sleep(until:)` jumps time forward at once, so pollers run months in milliseconds.
/// After `sleepLimit` sleeps it throws `CancellationError`, which ends a poll loop deterministically.
final class VirtualClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var sleeps = 0
    private let sleepLimit: Int

    /// Creates a clock at `start` that allows `sleepLimit` sleeps.
    init(start: Date, sleepLimit: Int = .max) {
        current = start
        self.sleepLimit = sleepLimit
    }

    var now: Date {
        lock.withLock { current }
    }

    /// Moves time forward by `seconds` (a source "taking" time).
    func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }

    func sleep(until deadline: Date) async throws {
        try lock.withLock {
            sleeps += 1
            if sleeps > sleepLimit { throw CancellationError() }
            if deadline > current { current = deadline }
        }
    }
}

import Foundation
import GRDB

/// Checkpoints the write-ahead log from its own connection and thread, about once a second.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses the WAL threshold, so the writer (and every
/// notice waiting to be stored or claimed) stalled for the checkpoint's copy and fsync: clusters of 40-60 ms in the
/// paced benchmark. The store turns the automatic checkpoint off and this thread runs PASSIVE checkpoints, which
/// never wait for readers or writers. Closing the last connection still checkpoints the rest, as SQLite does.
final class WALCheckpointer: @unchecked Sendable {
    private let queue: DatabaseQueue
    private let condition = NSCondition()
    private var stopped = false  // guarded by condition

    /// Opens the checkpoint connection and starts the thread.
    init(path: String, interval: TimeInterval = 1) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(1)
        queue = try DatabaseQueue(path: path, configuration: configuration)
        let thread = Thread { [self] in loop(interval: interval) }
        thread.name = "forewarn-wal-checkpoint"
        thread.start()
    }

    /// Stops the thread (it finishes the checkpoint in progress, if any).
    func stop() {
        condition.withLock {
            stopped = true
            condition.signal()
        }
    }

    private func loop(interval: TimeInterval) {
        while true {
            let stop = condition.withLock {
                if !stopped { _ = condition.wait(until: Date().addingTimeInterval(interval)) }
                return stopped
            }
            if stop { return }
            // A busy database or a missing file only delays the next checkpoint; nothing to report.
            try? queue.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
        }
    }
}

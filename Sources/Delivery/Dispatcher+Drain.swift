import Foundation

/// A request to stop sending (SIGTERM), handed to `Dispatcher.run(until:grace:)`.
public final class DispatcherStop: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false
    private var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]

    /// Creates a stop nobody has requested.
    public init() {}

    /// Asks the dispatcher to stop claiming notices and drain the attempts in flight.
    public func request() {
        let released = lock.withLock {
            requested = true
            defer { waiters = [:] }
            return Array(waiters.values)
        }
        released.forEach { $0.resume() }
    }

    /// Whether a stop was requested.
    public var isRequested: Bool { lock.withLock { requested } }

    /// Suspends until a stop is requested or the task is cancelled.
    func wait() async {
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = lock.withLock {
                    if requested || Task.isCancelled { return true }
                    waiters[id] = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            lock.withLock { waiters.removeValue(forKey: id) }?.resume()
        }
    }
}

/// The drain limit passed while attempts were still in flight.
struct DrainDeadline: Error {}

extension Dispatcher {
    /// The send loop with a graceful stop: sends due notices until `stop` is requested, then claims nothing
    /// more and lets the attempts in flight finish for up to `grace`. Attempts still running then are
    /// cancelled; their notices stay stored (`pending`, or `sending` until the next start returns them to
    /// `pending`), so nothing is lost and nothing is sent under a second id.
    public func run(
        until stop: DispatcherStop, grace: Duration, pollInterval: Duration = .seconds(1), batchSize: Int = 256
    ) async throws {
        let recovered = try await store.recoverInterrupted(now: now())
        if recovered > 0 {
            logger.notice("returned interrupted notices to pending", metadata: ["count": "\(recovered)"])
        }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await self.send(until: stop, pollInterval: pollInterval, batchSize: batchSize) }
                group.addTask {
                    await stop.wait()
                    self.nudge()
                    try await Task.sleep(for: grace)
                    throw DrainDeadline()
                }
                try await group.next()
                group.cancelAll()
            }
        } catch is DrainDeadline {
            logger.warning(
                "deliveries still in flight after the drain limit were cut off; their notices stay stored for the next start",
                metadata: ["limit": "\(grace)"])
        }
    }

    private func send(until stop: DispatcherStop, pollInterval: Duration, batchSize: Int) async throws {
        var wakeUps = self.wakeUps.makeAsyncIterator()
        while !stop.isRequested && !Task.isCancelled {
            let sent = try await dispatchDue(limit: batchSize)
            if stop.isRequested { break }
            if sent == batchSize { continue }
            // A cancelled timeout must not wake the loop: its stale wake-up would end the next wait at once,
            // and every pass would leave another (an idle daemon spun at 64 % of a core).
            let timeout = Task {
                guard (try? await Task.sleep(for: pollInterval)) != nil else { return }
                self.wakeUp.yield()
            }
            _ = await wakeUps.next()
            timeout.cancel()
        }
    }
}

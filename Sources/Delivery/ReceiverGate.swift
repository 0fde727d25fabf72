import Foundation

/// Per-receiver limits: at most `capacity` requests in flight, and starts spaced to `ratePerSecond`.
actor ReceiverGate {
    private let capacity: Int
    private let interval: Duration?
    private var inFlight = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var nextStart = ContinuousClock.now

    init(capacity: Int, ratePerSecond: Double?) {
        self.capacity = max(1, capacity)
        interval = ratePerSecond.flatMap { $0 > 0 ? Duration.seconds(1 / $0) : nil }
    }

    /// Waits for a free slot and for the rate limit; pair with `release()`.
    func acquire() async {
        if inFlight >= capacity {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            inFlight += 1
        }
        guard let interval else { return }
        let now = ContinuousClock.now
        let start = max(now, nextStart)
        nextStart = start + interval
        if start > now { try? await Task.sleep(until: start, clock: .continuous) }
    }

    /// Frees a slot, handing it to the longest waiter.
    func release() {
        if waiters.isEmpty {
            inFlight -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}

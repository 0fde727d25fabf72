import Foundation

/// When to poll next: the interval with jitter, doubled after each consecutive failure up to a cap (pure).
public struct PollSchedule: Sendable, Hashable {
    /// The nominal interval.
    public var interval: Duration
    /// Random spread as a fraction of the delay (0.1 = ±10 %).
    public var jitter: Double
    /// The longest delay; backoff stops growing here.
    public var maxBackoff: Duration

    /// Creates a schedule.
    public init(interval: Duration, jitter: Double = 0.1, maxBackoff: Duration) {
        self.interval = interval
        self.jitter = jitter
        self.maxBackoff = max(maxBackoff, interval)
    }

    /// The delay before the next poll after `failures` consecutive failed polls (0 after a success);
    /// `jitterUnit` in -1...1 picks the point inside the jitter band.
    public func delay(afterFailures failures: Int, jitterUnit: Double) -> Duration {
        let base = interval.timeInterval
        let cap = maxBackoff.timeInterval
        let doublings = min(max(failures, 0), 62)
        let backedOff = min(base * pow(2, Double(doublings)), cap)
        let unit = min(max(jitterUnit, -1), 1)
        let spread = backedOff * (1 + jitter * unit)
        return .milliseconds(Int64((spread * 1000).rounded()))
    }

    /// The next poll instant after a poll that started at `start` and ended at `end`:
    /// `start + delay`, or `end` when the poll itself took longer than that.
    public func nextPoll(afterPollStartedAt start: Date, endedAt end: Date, failures: Int, jitterUnit: Double) -> Date {
        let next = start.addingTimeInterval(delay(afterFailures: failures, jitterUnit: jitterUnit).timeInterval)
        return max(next, end)
    }

    /// The first poll instant for a poller starting at `now`: spread over the first interval's jitter band
    /// (`jitterUnit` in 0...1) so signals with the same interval do not poll in lock-step.
    public func firstPoll(from now: Date, jitterUnit: Double) -> Date {
        let unit = min(max(jitterUnit, 0), 1)
        return now.addingTimeInterval(interval.timeInterval * jitter * unit)
    }
}

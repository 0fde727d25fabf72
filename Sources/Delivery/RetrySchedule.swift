import Foundation

/// When to try again: delays between attempts, jitter and the cap on a server's `Retry-After`.
public struct RetrySchedule: Sendable, Equatable {
    /// The delay after the 1st, 2nd, … failed attempt; its length is the number of retries.
    public var delays: [Duration]
    /// Each delay is scaled by a random factor in `1 ± jitter` (0.1 = ±10 %).
    public var jitter: Double
    /// The longest `Retry-After` honoured; longer values are capped to it.
    public var maximumRetryAfter: Duration

    /// Svix's schedule: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (8 attempts in all).
    public static let svix = RetrySchedule(
        delays: [
            .seconds(5), .seconds(300), .seconds(1800), .seconds(7200), .seconds(18000), .seconds(36000),
            .seconds(36000),
        ],
        jitter: 0.1, maximumRetryAfter: .seconds(3600))

    /// Creates a schedule.
    public init(delays: [Duration], jitter: Double = 0.1, maximumRetryAfter: Duration = .seconds(3600)) {
        self.delays = delays
        self.jitter = min(max(jitter, 0), 1)
        self.maximumRetryAfter = maximumRetryAfter
    }

    /// The attempts allowed in all (the first one plus the retries).
    public var maximumAttempts: Int { delays.count + 1 }

    /// The jittered delay after attempt number `attempt` (1-based), or nil when no retry is left.
    /// `randomUnit` is a number in 0..<1 (injected so the decision stays pure).
    public func delay(afterAttempt attempt: Int, randomUnit: Double) -> Duration? {
        guard attempt >= 1, attempt <= delays.count else { return nil }
        let factor = 1 + jitter * (2 * min(max(randomUnit, 0), 1) - 1)
        return delays[attempt - 1] * factor
    }
}

/// Parses `Retry-After` values: delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
public enum RetryAfter {
    /// The instant the header asks to wait until, or nil when it is neither form.
    public static func parse(_ value: String, now: Date) -> Date? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCII), let seconds = Int(trimmed), seconds >= 0 {
            return now.addingTimeInterval(Double(seconds))
        }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) { return date }
        }
        return nil
    }
}

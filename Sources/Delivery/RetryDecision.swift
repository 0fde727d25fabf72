import Foundation
import HTTPTransport

/// What one attempt produced, reduced to what the retry rules need.
public enum AttemptOutcome: Sendable, Equatable {
    /// The receiver answered with a status and, maybe, a `Retry-After` header.
    case response(status: Int, retryAfter: String?)
    /// No response: the transport failed.
    case transportFailure(HTTPTransportError)
}

/// The next step for a notice after an attempt (the dispatcher performs it).
public enum RetryDecision: Sendable, Equatable {
    /// Accepted (2xx): done.
    case delivered
    /// Try again at this instant, for this reason.
    case retry(at: Date, reason: String)
    /// A permanent failure (3xx, most 4xx, a request that can never succeed).
    case fail(reason: String)
    /// 410 Gone: fail the notice and disable the receiver; tell the plan owner.
    case disableReceiver(reason: String)
    /// Retries exhausted: a dead letter (an optional fallback receiver may take over).
    case dead(reason: String)
}

/// The retry state machine: a pure function of the outcome, the attempt number, the schedule and `now`.
public enum RetryPolicy {
    /// Statuses whose `Retry-After` is honoured (throttling and temporary unavailability).
    static let throttling: Set<Int> = [429, 502, 503, 504]

    /// Decides what follows attempt number `attempt` (1-based) that ended with `outcome`.
    public static func decide(
        outcome: AttemptOutcome, attempt: Int, schedule: RetrySchedule, now: Date, randomUnit: Double
    ) -> RetryDecision {
        let reason: String
        var requested: Date?
        switch outcome {
        case .response(let status, _) where (200..<300).contains(status):
            return .delivered
        case .response(410, _):
            return .disableReceiver(reason: "HTTP 410 Gone: the receiver asked to be disabled")
        case .response(let status, let retryAfter) where status == 429 || (500..<600).contains(status):
            reason = "HTTP \(status)"
            if throttling.contains(status), let retryAfter { requested = RetryAfter.parse(retryAfter, now: now) }
        case .response(let status, _) where (300..<400).contains(status):
            return .fail(reason: "HTTP \(status): redirects are not followed; fix the receiver URL")
        case .response(let status, _):
            return .fail(reason: "HTTP \(status): permanent failure")
        case .transportFailure(let error) where !error.isTransient:
            return .fail(reason: error.description)
        case .transportFailure(let error):
            reason = error.description
        }
        guard let delay = schedule.delay(afterAttempt: attempt, randomUnit: randomUnit) else {
            return .dead(reason: "\(reason); gave up after \(attempt) attempts")
        }
        if let requested {
            let cap = now.addingTimeInterval(schedule.maximumRetryAfter.seconds)
            return .retry(at: min(max(requested, now), cap), reason: reason + " (Retry-After honoured)")
        }
        return .retry(at: now.addingTimeInterval(delay.seconds), reason: reason)
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    public var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}

/// Counts of what happened to one signal since it was registered (exported as metrics by the daemon).
public struct SignalCounters: Sendable, Hashable {
    /// Accepted samples.
    public var accepted: Int = 0
    /// Rejected samples by reason.
    public var rejected: [BadSampleReason: Int] = [:]
    /// Failed reads by code.
    public var failed: [SignalReadError.Code: Int] = [:]

    /// Creates zero counters.
    public init() {}

    /// All rejected samples.
    public var rejectedTotal: Int { rejected.values.reduce(0, +) }

    /// All failed reads.
    public var failedTotal: Int { failed.values.reduce(0, +) }

    /// Adds one outcome.
    public mutating func count(_ outcome: PollOutcome) {
        switch outcome {
        case .accepted: accepted += 1
        case .rejected(let bad): rejected[bad.reason, default: 0] += 1
        case .failed(let error): failed[error.code, default: 0] += 1
        }
    }
}

import Foundation

/// The result of one poll (or one pushed value) after validation.
public enum PollOutcome: Sendable, Hashable {
    /// A good sample, accepted into the history.
    case accepted(Sample)
    /// A reading that was rejected.
    case rejected(BadSample)
    /// No reading at all.
    case failed(SignalReadError)

    /// Validates a source's result with `validator` at `now`.
    public static func make(from result: Result<RawReading, SignalReadError>, validator: SampleValidator, at now: Date)
        -> PollOutcome
    {
        switch result {
        case .failure(let error): return .failed(error)
        case .success(let reading):
            switch validator.validate(reading, at: now) {
            case .success(let sample): return .accepted(sample)
            case .failure(let bad): return .rejected(bad)
            }
        }
    }

    /// Whether the poll gave a good sample.
    public var isAccepted: Bool {
        if case .accepted = self { return true }
        return false
    }

    /// The problem this outcome shows, if any.
    public var problem: SignalProblem? {
        switch self {
        case .accepted: return nil
        case .rejected(let bad): return .badSample(bad)
        case .failed(let error): return .readFailed(error)
        }
    }
}

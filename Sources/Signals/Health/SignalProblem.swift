import Foundation

/// Why a signal is not healthy right now.
public enum SignalProblem: Sendable, Hashable, CustomStringConvertible {
    /// The last sample was rejected.
    case badSample(BadSample)
    /// The last poll produced no reading.
    case readFailed(SignalReadError)
    /// No sample has been accepted since the signal was registered.
    case noSampleYet
    /// The signal is not registered with the monitor.
    case unknownSignal(String)

    /// A key that stays the same for a streak of the same problem (`bad:nan`, `read:timeout`).
    public var streakKey: String {
        switch self {
        case .badSample(let bad): return "bad:" + bad.reason.rawValue
        case .readFailed(let error): return "read:" + error.code.rawValue
        case .noSampleYet: return "none"
        case .unknownSignal: return "unknown"
        }
    }

    /// A readable explanation.
    public var description: String {
        switch self {
        case .badSample(let bad): return bad.description
        case .readFailed(let error): return "read failed (\(error.code.rawValue)): \(error.message)"
        case .noSampleYet: return "no sample yet"
        case .unknownSignal(let name): return "no signal named '\(name)' is registered"
        }
    }
}

/// The health of one signal as the engine sees it; only `.healthy` signals may produce forecast warnings.
public enum SignalHealth: Sendable, Hashable, CustomStringConvertible {
    /// Recent good samples and the last poll succeeded.
    case healthy
    /// The last poll failed or its sample was rejected (or nothing has arrived yet).
    case unhealthy(reason: SignalProblem)
    /// No good sample for the signal's `staleAfter` time; stale from `since` on.
    case stale(since: Date)

    /// Whether forecasts of this signal may raise warnings.
    public var allowsWarnings: Bool { self == .healthy }

    /// `healthy`, `unhealthy: ...` or `stale since ...`.
    public var description: String {
        switch self {
        case .healthy: return "healthy"
        case .unhealthy(let reason): return "unhealthy: \(reason)"
        case .stale(let since): return "stale since \(since.iso8601)"
        }
    }
}

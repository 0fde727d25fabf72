/// Whether a signal carries numbers (load, charge, runtime) or state flags (a UPS status).
public enum SignalKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Finite numbers; text that is not a number is a bad sample.
    case numeric
    /// Whitespace-separated state flags such as `OL`, `OB`, `LB`.
    case state
}

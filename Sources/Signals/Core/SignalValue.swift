import Foundation

/// The value of one sample: a number, or a set of state flags (a UPS status such as `OB DISCHRG LB`).
public enum SignalValue: Sendable, Hashable, CustomStringConvertible {
    /// A finite number.
    case number(Double)
    /// State flags in the order the source gave them (`["OB", "DISCHRG"]`).
    case state([String])

    /// The number, when this is a numeric value.
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The flags, when this is a state value.
    public var flags: [String]? {
        if case .state(let flags) = self { return flags }
        return nil
    }

    /// Whether this state value carries `flag` (case-sensitive, as NUT spells them).
    public func contains(flag: String) -> Bool {
        flags?.contains(flag) ?? false
    }

    /// The value as an operator reads it: `42.5` or `OB DISCHRG`.
    public var description: String {
        switch self {
        case .number(let value): return SignalValue.format(value)
        case .state(let flags): return flags.joined(separator: " ")
        }
    }

    /// Formats a number without a trailing `.0` for integral values.
    static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// One accepted sample of a signal: a value at an instant (UTC).
public struct Sample: Sendable, Hashable {
    /// When the value was observed (the source's timestamp when it gives one, else the poll time).
    public var time: Date
    /// The observed value.
    public var value: SignalValue

    /// Creates a sample.
    public init(time: Date, value: SignalValue) {
        self.time = time
        self.value = value
    }
}

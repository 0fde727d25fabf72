/// Why a sample was rejected; the key under which rejections are counted per signal.
public enum BadSampleReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// The value is NaN.
    case notANumber = "nan"
    /// The value is +Inf or -Inf.
    case infinite = "infinite"
    /// The source gave nothing (an empty file, empty output).
    case empty = "empty"
    /// Text that is not a number for a numeric signal (or not a flag list for a state signal).
    case nonNumericText = "text"
    /// An HTML page (an error page of a proxy or server) where a value was expected.
    case htmlPage = "html"
    /// A number outside the signal's declared valid range.
    case outOfRange = "out_of_range"
    /// The source's timestamp lies in the future beyond the allowed clock skew.
    case futureTimestamp = "future_timestamp"
}

/// A rejected sample: the reason code and a message that says what was seen.
public struct BadSample: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason code, used for counting.
    public var reason: BadSampleReason
    /// A readable explanation, e.g. `value 140 is outside the valid range 0...100`.
    public var message: String

    /// Creates a rejection.
    public init(_ reason: BadSampleReason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    /// `bad sample (reason): message`.
    public var description: String { "bad sample (\(reason.rawValue)): \(message)" }
}

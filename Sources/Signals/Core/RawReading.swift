import Foundation

/// What a source read before validation: text, a number or state flags, maybe with the source's own timestamp.
public struct RawReading: Sendable, Hashable {
    /// The payload as the source delivered it.
    public enum Payload: Sendable, Hashable {
        /// Text still to be parsed (a file line, command output, a NUT or Prometheus string value).
        case text(String)
        /// A number the source already decoded (a JSON number); may be NaN or infinite.
        case number(Double)
    }

    /// The payload.
    public var payload: Payload
    /// The instant the source attached to the value (Prometheus does), if any.
    public var timestamp: Date?

    /// Creates a reading.
    public init(_ payload: Payload, timestamp: Date? = nil) {
        self.payload = payload
        self.timestamp = timestamp
    }

    /// A text reading.
    public static func text(_ text: String, timestamp: Date? = nil) -> RawReading {
        RawReading(.text(text), timestamp: timestamp)
    }

    /// A numeric reading.
    public static func number(_ value: Double, timestamp: Date? = nil) -> RawReading {
        RawReading(.number(value), timestamp: timestamp)
    }
}

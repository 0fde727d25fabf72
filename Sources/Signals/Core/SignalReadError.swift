/// A poll that produced no reading at all: the source was unreachable, timed out, refused, or had no data.
public struct SignalReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad kind of failure, used for counting and backoff.
    public enum Code: String, Sendable, Hashable, CaseIterable, Codable {
        /// The peer could not be reached (refused, unresolvable host, reset).
        case unreachable
        /// The read did not finish within the signal's timeout.
        case timeout
        /// The peer answered with an error (a NUT `ERR`, an HTTP error status, a PromQL error).
        case peerError = "peer_error"
        /// The query matched nothing (an empty Prometheus vector, a JSON pointer with no target).
        case noData = "no_data"
        /// The answer could not be understood (bad JSON, an unexpected protocol line).
        case malformed
        /// A local problem: a missing file or credential, a command that could not start or exited non-zero.
        case local
    }

    /// The kind of failure.
    public var code: Code
    /// What failed and, where it helps, what to do: `NUT server 127.0.0.1:3493: ERR UNKNOWN-UPS (check the UPS name)`.
    public var message: String

    /// Creates a read error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}

/// Why a request got no HTTP response; a status code, even 500, is a response, not an error.
public enum HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The peer refused the connection (nothing listens there).
    case connectionRefused(message: String)
    /// The connect or total timeout expired.
    case timedOut(message: String)
    /// The host name (or proxy name) did not resolve.
    case nameResolution(message: String)
    /// TLS failed: handshake, certificate or verification.
    case tls(message: String)
    /// The response body exceeded the request's cap.
    case responseTooLarge(limit: Int)
    /// The request itself is unusable (e.g. a malformed URL or a header with a line break).
    case invalidRequest(message: String)
    /// The transport was shut down before the request finished.
    case shutDown
    /// Any other libcurl failure, with libcurl's code and message.
    case other(code: Int, message: String)

    /// A one-line explanation for logs and operators.
    public var description: String {
        switch self {
        case .connectionRefused(let message): "connection refused: \(message)"
        case .timedOut(let message): "timed out: \(message)"
        case .nameResolution(let message): "name resolution failed: \(message)"
        case .tls(let message): "TLS failed: \(message)"
        case .responseTooLarge(let limit): "response body larger than \(limit) bytes, aborted"
        case .invalidRequest(let message): "invalid request: \(message)"
        case .shutDown: "HTTP transport shut down before the request finished"
        case .other(let code, let message): "curl error \(code): \(message)"
        }
    }

    /// Whether a later attempt may succeed (everything but a bad request or a too-large body).
    public var isTransient: Bool {
        switch self {
        case .connectionRefused, .timedOut, .nameResolution, .tls, .other, .shutDown: true
        case .responseTooLarge, .invalidRequest: false
        }
    }
}

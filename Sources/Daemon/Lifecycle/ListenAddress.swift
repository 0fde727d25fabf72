import Foundation

/// Where the API listens: `127.0.0.1:9330`, `[::1]:9330`, or `unix:/run/forewarn/api.sock`.
public enum ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// A TCP host and port (port 0 picks a free one).
    case tcp(host: String, port: Int)
    /// A unix stream socket path.
    case unix(path: String)

    /// The default, loopback only.
    public static let standard = ListenAddress.tcp(host: "127.0.0.1", port: 9330)

    /// Parses `text`; throws with what is wrong and an example.
    public init(parsing text: String) throws {
        if text.hasPrefix("unix:") {
            let path = String(text.dropFirst(5))
            guard path.hasPrefix("/") else {
                throw DaemonStartError(
                    errno: EINVAL, "--listen \(text): give an absolute socket path, e.g. unix:/run/forewarn/api.sock")
            }
            self = .unix(path: path)
            return
        }
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65_535).contains(port)
        else {
            throw DaemonStartError(
                errno: EINVAL, "--listen \(text): expected HOST:PORT (e.g. 127.0.0.1:9330, [::1]:9330) or unix:/PATH")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else {
            throw DaemonStartError(errno: EINVAL, "--listen \(text): the host is missing (e.g. 127.0.0.1:9330)")
        }
        self = .tcp(host: host, port: port)
    }

    /// `HOST:PORT` or `unix:PATH`.
    public var description: String {
        switch self {
        case .tcp(let host, let port): return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .unix(let path): return "unix:\(path)"
        }
    }
}

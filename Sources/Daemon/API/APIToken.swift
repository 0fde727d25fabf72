import Foundation
import Plans

/// The API bearer token: from the systemd credential `api-token`, else `$FOREWARN_API_TOKEN`.
public struct APIToken: Sendable, Equatable {
    /// The secret; never logged.
    let secret: String

    /// Wraps a token (blank tokens are refused by `load`).
    public init(_ secret: String) { self.secret = secret }

    /// Reads the token from `$CREDENTIALS_DIRECTORY/api-token` or `FOREWARN_API_TOKEN`; nil when neither is set.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> APIToken? {
        if let directory = environment["CREDENTIALS_DIRECTORY"] {
            let path = (directory as NSString).appendingPathComponent("api-token")
            if FileManager.default.fileExists(atPath: path) {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw DaemonStartError(
                        errno: EACCES, "cannot read the api-token credential at \(path); check LoadCredential=")
                }
                return try token(String(decoding: data, as: UTF8.self), from: "credential \(path)")
            }
        }
        if let value = environment["FOREWARN_API_TOKEN"] { return try token(value, from: "FOREWARN_API_TOKEN") }
        return nil
    }

    private static func token(_ raw: String, from origin: String) throws -> APIToken {
        let trimmed = raw.trimmingWhitespaceAndNewlines
        guard trimmed.count >= 16 else {
            throw DaemonStartError(
                errno: EINVAL, "the API token from \(origin) is shorter than 16 characters; use a long random one")
        }
        return APIToken(trimmed)
    }

    /// Whether an `Authorization` header value carries this token (constant time in the token length).
    public func accepts(authorization header: String?) -> Bool {
        guard let header, header.lowercased().hasPrefix("bearer ") else { return false }
        let offered = Array(header.dropFirst(7).trimmingWhitespace.utf8)
        let expected = Array(secret.utf8)
        var difference = UInt8(offered.count == expected.count ? 0 : 1)
        for index in expected.indices { difference |= expected[index] ^ (index < offered.count ? offered[index] : 0) }
        return difference == 0
    }
}

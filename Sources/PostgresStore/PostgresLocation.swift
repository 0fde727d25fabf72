import Foundation
import Store

/// Where a PostgreSQL database is, parsed from `postgres://USER@HOST:PORT/DB`; never holds the password.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// The user name.
    public var user: String
    /// The host name or IP address.
    public var host: String
    /// The TCP port (5432 by default).
    public var port: Int
    /// The database name.
    public var database: String
    /// Whether and how the connection is encrypted (`?sslmode=`; libpq's default, `prefer`).
    public var tls: TLSMode
    /// The PEM file of the certificate authorities to trust (`?sslrootcert=`; default: the system's).
    public var rootCertificates: String?

    /// Creates a location.
    public init(
        user: String, host: String, port: Int = 5432, database: String, tls: TLSMode = .prefer,
        rootCertificates: String? = nil
    ) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
        self.tls = tls
        self.rootCertificates = rootCertificates
    }

    /// Parses `postgres://USER@HOST[:PORT]/DB[?sslmode=MODE&sslrootcert=FILE]` (or `postgresql://`); a password
    /// in the URL is refused.
    public init(url text: String) throws {
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://"),
            let components = URLComponents(string: text)
        else {
            throw StoreError("'\(text)' is not a PostgreSQL URL; write postgres://USER@HOST:PORT/DB")
        }
        if components.password != nil {
            throw StoreError(
                "the store URL contains a password; remove it and put the password in "
                    + "$CREDENTIALS_DIRECTORY/postgres-password or FOREWARN_PG_PASSWORD")
        }
        guard let user = components.user, !user.isEmpty else {
            throw StoreError("the store URL names no user; write postgres://USER@HOST:PORT/DB")
        }
        guard let host = components.host, !host.isEmpty else {
            throw StoreError("the store URL names no host; write postgres://USER@HOST:PORT/DB")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw StoreError("the store URL names no database; write postgres://USER@HOST:PORT/DB")
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw StoreError("the store URL's port \(port) is out of range") }
        let (tls, rootCertificates) = try Self.tlsParameters(components.queryItems ?? [])
        self.init(
            user: user, host: host, port: port, database: database, tls: tls, rootCertificates: rootCertificates)
    }

    /// `postgres://USER@HOST:PORT/DB` (no password), with `?sslmode=…&sslrootcert=…` when not the defaults.
    public var description: String {
        var parameters: [String] = []
        if tls != .prefer { parameters.append("sslmode=\(tls.rawValue)") }
        if let rootCertificates { parameters.append("sslrootcert=\(rootCertificates)") }
        let query = parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&")
        return "postgres://\(user)@\(host):\(port)/\(database)\(query)"
    }

    /// The password from `$CREDENTIALS_DIRECTORY/postgres-password`, else `FOREWARN_PG_PASSWORD`, else nil.
    public static func password(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> String?
    {
        if let directory = environment["CREDENTIALS_DIRECTORY"] {
            let path = directory + "/postgres-password"
            if FileManager.default.fileExists(atPath: path) {
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw StoreError("cannot read the credential '\(path)'; check its permissions")
                }
                return text.trimmingCharacters(in: .newlines)
            }
        }
        return environment["FOREWARN_PG_PASSWORD"]
    }
}

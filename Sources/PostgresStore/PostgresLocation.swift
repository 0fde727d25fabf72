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

    /// Creates a location.
    public init(user: String, host: String, port: Int = 5432, database: String) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
    }

    /// Parses `postgres://USER@HOST[:PORT]/DB` (or `postgresql://`); a password in the URL is refused.
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
        self.init(user: user, host: host, port: port, database: database)
    }

    /// `postgres://USER@HOST:PORT/DB` (no password).
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

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

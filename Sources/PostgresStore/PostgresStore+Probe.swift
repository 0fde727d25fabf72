import Foundation
import Logging
import PostgresNIO
import Store

extension PostgresStore {
    /// One connection attempt bounded by `timeout`, so a wrong host fails fast with a clear message.
    static func probe(
        _ location: PostgresLocation, password: String?, timeout: Duration, logger: Logger
    ) async throws {
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: password,
            database: location.database, tls: try location.connectionTLS())
        configuration.options.connectTimeout = .milliseconds(Int64(timeout.seconds * 1000))
        let settings = configuration
        let advice =
            "check that PostgreSQL runs and listens on \(location.host):\(location.port), that pg_hba.conf "
            + "lets user '\(location.user)' reach database '\(location.database)' from this host, and the password "
            + "($CREDENTIALS_DIRECTORY/postgres-password or FOREWARN_PG_PASSWORD)"
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    let connection = try await PostgresConnection.connect(
                        configuration: settings, id: 0, logger: Logger(label: "forewarn.postgres.probe"))
                    try? await connection.close()
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw StoreError("no answer within \(timeout.seconds) s")
                }
                defer { group.cancelAll() }
                try await group.next()
            }
        } catch {
            throw StoreError("cannot connect to PostgreSQL at \(location): \(describe(error)); \(advice)")
        }
    }

    /// A readable description of a PostgreSQL error (PSQLError hides details from `description`).
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            return "\(message) (SQLSTATE \(error.serverInfo?[.sqlState] ?? "?"))"
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}

extension PostgresStore {
    /// The TLS version of a pooled connection to the server (`TLSv1.3`), or nil when it is not encrypted.
    public func encryption() async throws -> String? {
        let rows = try await client.query(
            "SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()", logger: logger)
        for try await (ssl, version) in rows.decode((Bool, String?).self) { return ssl ? version ?? "TLS" : nil }
        return nil
    }
}

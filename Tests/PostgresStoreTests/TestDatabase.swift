import Foundation
import Logging
import PostgresNIO
import PostgresStore
import Store

/// A fresh database on the shared test server, so tests never see each other's rows.
enum TestDatabase {
    /// Creates a new empty database and returns where it is.
    static func make() async throws -> PostgresLocation {
        let server = try PostgresServer.shared.get()
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let connection = try await PostgresConnection.connect(
            configuration: .init(
                host: "127.0.0.1", port: server.port, username: "forewarn", password: nil, database: "postgres",
                tls: .disable),
            id: 1, logger: Logger(label: "forewarn.tests.postgres"))
        try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: Logger(label: "t"))
        try await connection.close()
        return PostgresLocation(user: "forewarn", host: "127.0.0.1", port: server.port, database: name)
    }

    /// Opens a store on `location` for `instance`.
    static func store(
        _ location: PostgresLocation, instance: String = "test-a", claimTimeout: TimeInterval = 60
    ) async throws -> PostgresStore {
        try await PostgresStore.connect(
            to: location, password: nil, instanceID: instance, claimTimeout: claimTimeout)
    }
}

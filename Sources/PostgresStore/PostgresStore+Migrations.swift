import Foundation
import PostgresNIO
import Store

extension PostgresStore {
    /// Applies pending migrations under an advisory lock, so instances starting together do not race.
    func migrate() async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(7432001)", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version TEXT PRIMARY KEY NOT NULL, applied_at DOUBLE PRECISION NOT NULL)
                """, logger: logger)
            var applied: Set<String> = []
            for try await version in try await connection.query(
                "SELECT version FROM schema_migrations", logger: logger
            ).decode(String.self) {
                applied.insert(version)
            }
            let now = Date().stored
            for migration in Self.migrations where !applied.contains(migration.version) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (\(migration.version), \(now))",
                    logger: logger)
            }
        }
    }

    /// The schema versions applied so far, in the order they were applied.
    public func appliedMigrations() async throws -> [String] {
        var versions: [(applied: Double, version: String)] = []
        let rows = try await client.query("SELECT applied_at, version FROM schema_migrations")
        for try await (applied, version) in rows.decode((Double, String).self) { versions.append((applied, version)) }
        // Migrations applied together share a time: their order is the order they are declared in.
        let order = Dictionary(uniqueKeysWithValues: Self.migrations.enumerated().map { ($1.version, $0) })
        func key(_ entry: (applied: Double, version: String)) -> (Double, Int, String) {
            (entry.applied, order[entry.version] ?? Int.max, entry.version)
        }
        return versions.sorted { key($0) < key($1) }.map(\.version)
    }
}

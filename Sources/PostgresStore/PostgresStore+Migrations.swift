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
        var versions: [String] = []
        let rows = try await client.query("SELECT version FROM schema_migrations ORDER BY applied_at, version")
        for try await version in rows.decode(String.self) { versions.append(version) }
        return versions
    }
}

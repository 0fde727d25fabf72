import Store

extension PostgresStore {
    /// Mirrors `SQLiteStore`'s `v2-delivery`: the message before encoding, the latest delivery report, and the
    /// receivers disabled after a 410 Gone.
    static let deliveryMigration = PostgresMigration(
        version: "v2-delivery",
        statements: [
            """
            ALTER TABLE notices ADD COLUMN message BYTEA, ADD COLUMN report_outcome TEXT,
                ADD COLUMN report_code INTEGER, ADD COLUMN report_at DOUBLE PRECISION
            """,
            """
            CREATE TABLE disabled_receivers (
                name TEXT PRIMARY KEY NOT NULL,
                reason TEXT NOT NULL,
                since DOUBLE PRECISION NOT NULL
            )
            """,
        ])
}

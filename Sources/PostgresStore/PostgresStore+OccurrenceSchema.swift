extension PostgresStore {
    /// `v2-occurrences`: the engine's tables, as in SQLite's migration of that name. `seq` stands in for
    /// SQLite's `rowid` (the order in which occurrences and their notices were first stored).
    static let occurrenceMigration = PostgresMigration(
        version: "v2-occurrences",
        statements: [
            """
            CREATE TABLE occurrences (
                id TEXT PRIMARY KEY NOT NULL,
                plan TEXT NOT NULL,
                state TEXT NOT NULL,
                onset DOUBLE PRECISION NOT NULL,
                foreseen_at DOUBLE PRECISION NOT NULL,
                body BYTEA NOT NULL,
                seq BIGSERIAL NOT NULL
            )
            """,
            "CREATE INDEX occurrences_state ON occurrences (state, onset)",
            """
            CREATE TABLE occurrence_notices (
                occurrence TEXT NOT NULL,
                action INTEGER NOT NULL,
                step TEXT NOT NULL,
                recipient TEXT NOT NULL,
                seq BIGSERIAL NOT NULL,
                PRIMARY KEY (occurrence, action, step, recipient)
            )
            """,
            """
            CREATE TABLE engine_timers (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                body BYTEA NOT NULL
            )
            """,
        ])
}

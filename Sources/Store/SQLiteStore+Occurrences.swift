import GRDB

extension SQLiteStore {
    /// The engine's tables (occurrences, the notices issued for them, its timers), added after v1.
    static func registerOccurrenceMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-occurrences") { db in
            try db.execute(
                sql: """
                    CREATE TABLE occurrences (
                        id TEXT PRIMARY KEY NOT NULL,
                        plan TEXT NOT NULL,
                        state TEXT NOT NULL,
                        onset REAL NOT NULL,
                        foreseen_at REAL NOT NULL,
                        body BLOB NOT NULL
                    );
                    CREATE INDEX occurrences_state ON occurrences (state, onset);
                    CREATE TABLE occurrence_notices (
                        occurrence TEXT NOT NULL,
                        action INTEGER NOT NULL,
                        step TEXT NOT NULL,
                        recipient TEXT NOT NULL,
                        PRIMARY KEY (occurrence, action, step, recipient)
                    );
                    CREATE TABLE engine_timers (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        body BLOB NOT NULL
                    );
                    """)
        }
    }
}

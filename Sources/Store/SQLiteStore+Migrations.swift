import GRDB

extension SQLiteStore {
    /// The versioned schema: never edit an applied migration, add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-outbox") { db in
            try db.execute(
                sql: """
                    CREATE TABLE notices (
                        id TEXT PRIMARY KEY NOT NULL,
                        occurrence TEXT NOT NULL,
                        action TEXT NOT NULL,
                        step TEXT NOT NULL,
                        recipient TEXT NOT NULL,
                        receiver TEXT NOT NULL,
                        body BLOB NOT NULL,
                        state TEXT NOT NULL,
                        reason TEXT NOT NULL DEFAULT '',
                        created_at REAL NOT NULL,
                        due_at REAL NOT NULL,
                        attempt_count INTEGER NOT NULL DEFAULT 0,
                        UNIQUE (occurrence, action, step, recipient)
                    );
                    CREATE INDEX notices_due ON notices (state, due_at);
                    CREATE TABLE attempts (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        notice_id TEXT NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
                        at REAL NOT NULL,
                        status INTEGER,
                        latency REAL NOT NULL,
                        error TEXT
                    );
                    CREATE INDEX attempts_notice ON attempts (notice_id);
                    """)
        }
        migrator.registerMigration("v1-recipients") { db in
            try db.execute(
                sql: """
                    CREATE TABLE suppressions (
                        address TEXT NOT NULL,
                        channel TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        since REAL NOT NULL,
                        confirmation_sent INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (address, channel)
                    );
                    CREATE TABLE consent (
                        recipient TEXT NOT NULL,
                        channel TEXT NOT NULL,
                        granted INTEGER NOT NULL,
                        at REAL NOT NULL,
                        PRIMARY KEY (recipient, channel)
                    );
                    CREATE TABLE contacts (
                        recipient TEXT NOT NULL,
                        audience TEXT NOT NULL,
                        at REAL NOT NULL
                    );
                    CREATE INDEX contacts_recipient ON contacts (recipient, audience, at);
                    """)
        }
        migrator.registerMigration("v2-delivery") { db in
            try db.execute(
                sql: """
                    ALTER TABLE notices ADD COLUMN message BLOB;
                    ALTER TABLE notices ADD COLUMN report_outcome TEXT;
                    ALTER TABLE notices ADD COLUMN report_code INTEGER;
                    ALTER TABLE notices ADD COLUMN report_at REAL;
                    CREATE TABLE disabled_receivers (
                        name TEXT PRIMARY KEY NOT NULL,
                        reason TEXT NOT NULL,
                        since REAL NOT NULL
                    );
                    """)
        }
        registerOccurrenceMigrations(in: &migrator)
        return migrator
    }
}

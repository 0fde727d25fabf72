import Foundation
import PostgresNIO
import Store

/// One versioned schema change: never edit an applied migration, add a new one.
struct PostgresMigration: Sendable {
    /// The version recorded in `schema_migrations` (the same names as the SQLite store's).
    let version: String
    /// The statements, run in order in one transaction.
    let statements: [String]
}

extension PostgresStore {
    /// The migrations in order: the first two mirror `SQLiteStore`'s, the rest add multi-instance state.
    static let migrations: [PostgresMigration] = [
        PostgresMigration(
            version: "v1-outbox",
            statements: [
                """
                CREATE TABLE notices (
                    id TEXT PRIMARY KEY NOT NULL,
                    occurrence TEXT NOT NULL,
                    action TEXT NOT NULL,
                    step TEXT NOT NULL,
                    recipient TEXT NOT NULL,
                    receiver TEXT NOT NULL,
                    body BYTEA NOT NULL,
                    state TEXT NOT NULL,
                    reason TEXT NOT NULL DEFAULT '',
                    created_at DOUBLE PRECISION NOT NULL,
                    due_at DOUBLE PRECISION NOT NULL,
                    attempt_count INTEGER NOT NULL DEFAULT 0,
                    UNIQUE (occurrence, action, step, recipient)
                )
                """,
                "CREATE INDEX notices_due ON notices (state, due_at)",
                """
                CREATE TABLE attempts (
                    id BIGSERIAL PRIMARY KEY,
                    notice_id TEXT NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
                    at DOUBLE PRECISION NOT NULL,
                    status INTEGER,
                    latency DOUBLE PRECISION NOT NULL,
                    error TEXT
                )
                """,
                "CREATE INDEX attempts_notice ON attempts (notice_id)",
            ]),
        PostgresMigration(
            version: "v1-recipients",
            statements: [
                """
                CREATE TABLE suppressions (
                    address TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    since DOUBLE PRECISION NOT NULL,
                    confirmation_sent BOOLEAN NOT NULL DEFAULT FALSE,
                    PRIMARY KEY (address, channel)
                )
                """,
                """
                CREATE TABLE consent (
                    recipient TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    granted BOOLEAN NOT NULL,
                    at DOUBLE PRECISION NOT NULL,
                    PRIMARY KEY (recipient, channel)
                )
                """,
                """
                CREATE TABLE contacts (
                    recipient TEXT NOT NULL,
                    audience TEXT NOT NULL,
                    at DOUBLE PRECISION NOT NULL
                )
                """,
                "CREATE INDEX contacts_recipient ON contacts (recipient, audience, at)",
            ]),
        PostgresMigration(
            version: "v2-claims",
            statements: [
                "ALTER TABLE notices ADD COLUMN claimed_by TEXT, ADD COLUMN claim_expires_at DOUBLE PRECISION",
                "CREATE INDEX notices_claims ON notices (claim_expires_at) WHERE state = 'sending'",
                // The invariants as a trigger: a notice's id, identity and body never change once stored.
                """
                CREATE FUNCTION notices_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.id <> OLD.id OR NEW.body <> OLD.body OR NEW.occurrence <> OLD.occurrence
                        OR NEW.action <> OLD.action OR NEW.step <> OLD.step OR NEW.recipient <> OLD.recipient THEN
                        RAISE EXCEPTION 'a notice''s id, identity and body never change (notice %)', OLD.id;
                    END IF;
                    RETURN NEW;
                END $$
                """,
                """
                CREATE TRIGGER notices_immutable BEFORE UPDATE ON notices
                    FOR EACH ROW EXECUTE FUNCTION notices_immutable()
                """,
            ]),
        PostgresMigration(
            version: "v2-instances",
            statements: [
                """
                CREATE TABLE instances (
                    instance_id TEXT PRIMARY KEY NOT NULL,
                    host TEXT NOT NULL,
                    pid INTEGER NOT NULL,
                    started_at DOUBLE PRECISION NOT NULL,
                    last_seen DOUBLE PRECISION NOT NULL,
                    is_leader BOOLEAN NOT NULL DEFAULT FALSE
                )
                """,
                """
                CREATE TABLE leases (
                    name TEXT PRIMARY KEY NOT NULL,
                    holder TEXT NOT NULL,
                    acquired_at DOUBLE PRECISION NOT NULL,
                    expires_at DOUBLE PRECISION NOT NULL
                )
                """,
            ]),
        deliveryMigration,
        occurrenceMigration,
    ]
}

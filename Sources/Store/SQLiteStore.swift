import Foundation
import GRDB

/// The SQLite implementation of ``NoticeStore`` and ``RecipientStore``: GRDB's `DatabasePool` in WAL mode.
public final class SQLiteStore: Sendable {
    let pool: DatabasePool
    private let checkpointer: WALCheckpointer

    /// Opens (creating if needed) the database at `path` and runs pending migrations.
    ///
    /// Use a file in the state directory, e.g. `$STATE_DIRECTORY/forewarn.sqlite`.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // Checkpoints run on their own connection (WALCheckpointer), never inside a commit.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
            checkpointer = try WALCheckpointer(path: path)
        } catch {
            throw StoreError("cannot open the store at '\(path)': \(error); check that the state directory is writable")
        }
    }

    deinit { checkpointer.stop() }

    /// The schema versions applied so far, in order.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Self.migrator.appliedMigrations(db) }
    }
}

/// A store failure with a message that says what to do.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// The message.
    public let description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}

extension Date {
    /// Seconds since 1970 as stored in the database.
    var storedValue: Double { timeIntervalSince1970 }

    /// A date read back from the database.
    init(stored: Double) { self.init(timeIntervalSince1970: stored) }
}

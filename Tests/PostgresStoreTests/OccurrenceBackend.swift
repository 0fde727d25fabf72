import Engine
import Foundation
import PostgresStore
import Store

/// One database for an engine's occurrences, opened again like a new process on SQLite or by the leader of a
/// PostgreSQL database (an `OccurrenceStore` per opening, its working set loaded from the database).
struct OccurrenceDatabase: Sendable {
    let backend: StoreBackend
    private let path: String?
    private let shared: PostgresStore?
    /// Long enough for every injected clock of these tests (they span months).
    static let lease: TimeInterval = 400 * 86_400

    /// A fresh empty database for `backend`.
    static func make(_ backend: StoreBackend) async throws -> OccurrenceDatabase {
        switch backend {
        case .sqlite:
            let directory = NSTemporaryDirectory() + "/forewarn-occurrences-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return OccurrenceDatabase(backend: backend, path: directory + "/forewarn.sqlite", shared: nil)
        case .postgres:
            let store = try await TestDatabase.store(try await TestDatabase.make(), instance: "leader")
            return OccurrenceDatabase(backend: backend, path: nil, shared: store)
        }
    }

    /// A new store whose working set is loaded at `now` (on PostgreSQL, after taking the leader lease).
    func open(now: Date) async throws -> any OccurrenceStore {
        if let path { return try SQLiteOccurrenceStore(store: try SQLiteStore(path: path), now: now) }
        let shared = try require(shared, "the PostgreSQL store")
        _ = try await LeaderLease(store: shared, duration: Self.lease).acquire(now: now)
        let store = PostgresOccurrenceStore(store: shared)
        try await store.load(now: now)
        return store
    }

    /// The database's pruning (the store `forewarn run` prunes hourly).
    func pruner() throws -> any StorePruning {
        if let path { return try SQLiteStore(path: path) }
        return try require(shared, "the PostgreSQL store")
    }

    /// Makes `store`'s changes durable: SQLite's `flush()`, or the fenced PostgreSQL write.
    func persist(_ store: any OccurrenceStore, now: Date) async throws {
        if let store = store as? PostgresOccurrenceStore {
            try await store.write(now: now)
        } else {
            try store.flush()
        }
    }
}

/// Unwraps an optional or throws (no `#require` outside a test body's macro context).
func require<T>(_ value: T?, _ what: String = "value") throws -> T {
    guard let value else { throw StoreError("missing \(what)") }
    return value
}

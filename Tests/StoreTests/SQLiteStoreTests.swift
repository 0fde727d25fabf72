import Foundation
import Testing

@testable import Store

/// Opens a store in a fresh temporary directory.
func makeStore() throws -> (SQLiteStore, String) {
    let directory = NSTemporaryDirectory() + "/forewarn-store-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    return (try SQLiteStore(path: directory + "/forewarn.sqlite"), directory)
}

/// What only SQLite has: its file, WAL mode and migrations. The behaviour both stores share (identity, claims,
/// attempts, batches, reports, consent, suppressions, listings) is tested once for both backends in
/// `Tests/PostgresStoreTests/StoreConformanceTests` and `DeliveryConformanceTests` (SQLite always, PostgreSQL when
/// it is installed).
@Suite struct SQLiteStoreTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func notice(_ id: String, recipient: String = "+1", step: String = "before-3d", due: Double = 0) -> NoticeRecord {
        NoticeRecord(
            id: id, identity: NoticeIdentity(occurrence: "occ-1", action: "notify", step: step, recipient: recipient),
            receiver: "sms", body: Array("body of \(id)".utf8) + [0, 255], createdAt: t0,
            dueAt: t0.addingTimeInterval(due))
    }

    @Test func migratesInWALModeAndListsVersions() async throws {
        let (store, directory) = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try store.appliedMigrations() == ["v1-outbox", "v1-recipients", "v2-delivery", "v2-occurrences"])
        let mode = try await store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        // Reopening runs no migration twice and keeps data.
        _ = try await store.insert(notice("msg_a"))
        let again = try SQLiteStore(path: directory + "/forewarn.sqlite")
        #expect(try await again.notice(id: "msg_a")?.body == Array("body of msg_a".utf8) + [0, 255])
    }
}

import Foundation
import PostgresStore
import Store
import TestPeers

/// A store implementation the shared conformance suite runs against.
enum StoreBackend: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite
    case postgres

    /// The backends available here: SQLite always, PostgreSQL when its binaries are installed.
    static var available: [StoreBackend] { PostgresServer.binaries == nil ? [.sqlite] : [.sqlite, .postgres] }

    var description: String { rawValue }

    /// `count` stores sharing one fresh database (two SQLite handles on one file, or two PostgreSQL instances).
    func makeStores(_ count: Int = 1) async throws -> [any ForewarnStore] {
        switch self {
        case .sqlite:
            let directory = NSTemporaryDirectory() + "/forewarn-conformance-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return try (0..<count).map { _ in try SQLiteStore(path: directory + "/forewarn.sqlite") }
        case .postgres:
            let location = try await TestDatabase.make()
            var stores: [any ForewarnStore] = []
            for index in 0..<count {
                stores.append(try await TestDatabase.store(location, instance: "instance-\(index)"))
            }
            return stores
        }
    }

    /// One store on a fresh database.
    func makeStore() async throws -> any ForewarnStore { try await makeStores(1)[0] }
}

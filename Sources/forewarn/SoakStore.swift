import Foundation
import Logging
import PostgresStore
import Store

/// The store `forewarn delivery-soak --store` opens: a SQLite file, or a shared PostgreSQL database whose
/// instances renew their claims and tag their requests with a `forewarn-instance` header.
struct SoakStore {
    /// The outbox and recipient facts.
    let store: any ForewarnStore
    /// The claim-renewing heartbeat (PostgreSQL only; soak instances never lead).
    let heartbeat: InstanceHeartbeat?
    /// Extra request headers naming the sending instance (PostgreSQL only).
    let headers: [(String, String)]

    /// Opens `option` (a path or `postgres://USER@HOST:PORT/DB`).
    static func open(_ option: String, claimTimeout: TimeInterval, logger: Logger) async throws -> SoakStore {
        switch try StoreChoice(option: option) {
        case .sqlite(let path):
            return SoakStore(store: try SQLiteStore(path: path ?? "forewarn.sqlite"), heartbeat: nil, headers: [])
        case .postgres(let location):
            let id = StoreChoice.instanceID()
            let store = try await PostgresStore.connect(
                to: location, password: try PostgresLocation.password(), instanceID: id, claimTimeout: claimTimeout,
                logger: logger)
            let heartbeat = InstanceHeartbeat(store: store, lease: nil, logger: logger)
            return SoakStore(store: store, heartbeat: heartbeat, headers: [("forewarn-instance", id)])
        }
    }
}

import Foundation
import PostgresNIO
import Store

/// A named lease row in the shared database: at most one instance holds it until it expires.
///
/// The holder renews it well before `duration` passes; when the holder dies or loses the database, another
/// instance acquires it at most `duration` after the last renewal (plus its own polling interval).
public struct LeaderLease: Sendable {
    /// The store whose database holds the `leases` table.
    public let store: PostgresStore
    /// The lease's name (one per role, e.g. `engine`).
    public let name: String
    /// How long one acquisition or renewal lasts.
    public let duration: TimeInterval

    /// Creates a lease handle for this store's instance.
    public init(store: PostgresStore, name: String = "engine", duration: TimeInterval = 10) {
        self.store = store
        self.name = name
        self.duration = duration
    }

    /// The current holder, when it took the lease and until when it holds it, if the lease was ever taken.
    public func holder() async throws -> LeaseHolder? {
        let rows = try await store.client.query(
            "SELECT holder, acquired_at, expires_at FROM leases WHERE name = \(name)")
        for try await (holder, acquired, expires) in rows.decode((String, Double, Double).self) {
            return LeaseHolder(
                instance: holder, acquiredAt: Date(timeIntervalSince1970: acquired),
                expiresAt: Date(timeIntervalSince1970: expires))
        }
        return nil
    }

    /// Takes the lease if it is free, expired or already ours (then it is extended); returns whether we hold it.
    public func tryAcquire(now: Date) async throws -> Bool {
        try await acquire(now: now) != nil
    }

    /// Takes the lease if it is free, expired or already ours (then it is extended); returns its `acquired_at`
    /// (the fencing term, kept while the same instance holds it) when we hold it, else nil.
    public func acquire(now: Date) async throws -> Date? {
        let me = store.instanceID
        let rows = try await store.client.query(
            """
            INSERT INTO leases (name, holder, acquired_at, expires_at)
            VALUES (\(name), \(me), \(now.stored), \(now.stored + duration))
            ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at,
                acquired_at = CASE WHEN leases.holder = EXCLUDED.holder THEN leases.acquired_at
                    ELSE EXCLUDED.acquired_at END
            WHERE leases.holder = EXCLUDED.holder OR leases.expires_at <= \(now.stored)
            RETURNING acquired_at
            """, logger: store.logger)
        for try await acquired in rows.decode(Double.self) { return Date(timeIntervalSince1970: acquired) }
        return nil
    }

    /// Extends the lease if we still hold it and it has not expired; returns whether we still hold it.
    public func renew(now: Date) async throws -> Bool {
        try await store.count(
            """
            UPDATE leases SET expires_at = \(now.stored + duration)
            WHERE name = \(name) AND holder = \(store.instanceID) AND expires_at > \(now.stored)
            RETURNING holder
            """) == 1
    }

    /// Gives the lease up at once (on a clean shutdown), so another instance takes over without waiting.
    public func release() async throws {
        try await store.client.query(
            "UPDATE leases SET expires_at = 0 WHERE name = \(name) AND holder = \(store.instanceID)")
    }
}

/// Who holds a lease.
public struct LeaseHolder: Sendable, Equatable {
    /// The holder's instance id.
    public var instance: String
    /// When this holder took the lease (renewals keep it).
    public var acquiredAt: Date
    /// When the lease lapses unless renewed (0 after a release).
    public var expiresAt: Date
}

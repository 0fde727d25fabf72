import Foundation
import Logging
import PostgresNIO
import Store

/// The PostgreSQL implementation of ``NoticeStore`` and ``RecipientStore``, shared by several instances.
///
/// Each instance has an ``instanceID``: `claimDue` marks the notices it takes with that id and a claim expiry,
/// `renewClaims` keeps live claims alive, and other instances reclaim a claim only once it has expired.
public final class PostgresStore: Sendable {
    /// This instance's id (recorded as `claimed_by`).
    public let instanceID: String
    /// How long a claim lasts without renewal; others reclaim the notice after that.
    public let claimTimeout: TimeInterval
    /// Where the database is.
    public let location: PostgresLocation
    let client: PostgresClient
    let runner: Task<Void, Never>
    let logger: Logger

    private init(
        client: PostgresClient, location: PostgresLocation, instanceID: String, claimTimeout: TimeInterval,
        logger: Logger
    ) {
        self.client = client
        self.location = location
        self.instanceID = instanceID
        self.claimTimeout = claimTimeout
        self.logger = logger
        runner = Task { await client.run() }
    }

    /// Connects (giving up after `connectTimeout` with a message saying what to check) and runs migrations.
    public static func connect(
        to location: PostgresLocation, password: String?, instanceID: String, claimTimeout: TimeInterval = 60,
        connectTimeout: Duration = .seconds(5), maximumConnections: Int = 8,
        logger: Logger = Logger(label: "forewarn.postgres")
    ) async throws -> PostgresStore {
        guard !instanceID.isEmpty, instanceID.count <= 200 else {
            throw StoreError("the instance id must be 1 to 200 characters long")
        }
        guard claimTimeout > 0 else { throw StoreError("the claim timeout must be positive") }
        try await probe(location, password: password, timeout: connectTimeout, logger: logger)
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.user, password: password,
            database: location.database, tls: try location.clientTLS())
        configuration.options.maximumConnections = max(2, maximumConnections)
        var background = logger
        background.logLevel = .error  // the pool's own retries and races are noise; failures surface as errors
        let client = PostgresClient(configuration: configuration, backgroundLogger: background)
        let store = PostgresStore(
            client: client, location: location, instanceID: instanceID, claimTimeout: claimTimeout, logger: logger)
        do {
            try await store.migrate()
        } catch {
            store.close()
            throw StoreError("cannot prepare the schema in \(location): \(describe(error))")
        }
        return store
    }

    /// Stops the connection pool.
    public func close() {
        runner.cancel()
    }

    deinit { runner.cancel() }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}

extension Date {
    /// Seconds since 1970 as stored in the database.
    var stored: Double { timeIntervalSince1970 }
}

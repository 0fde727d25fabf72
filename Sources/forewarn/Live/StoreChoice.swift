import Daemon
import Foundation
import Logging
import Plans
import PostgresStore
import ServiceLifecycle
import Store

/// Which database holds the outbox: the embedded SQLite file (default) or a shared PostgreSQL database.
enum StoreChoice: Equatable {
    /// `<state>/forewarn.sqlite`, or the given SQLite file.
    case sqlite(path: String?)
    /// A PostgreSQL database shared by several instances.
    case postgres(PostgresLocation)

    /// Parses `--store`: nil for the default SQLite file, `postgres://USER@HOST:PORT/DB`, or a SQLite path.
    init(option: String?) throws {
        guard let option else {
            self = .sqlite(path: nil)
            return
        }
        if option.hasPrefix("postgres://") || option.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLocation(url: option))
        } else {
            self = .sqlite(path: option)
        }
    }

    /// This instance's id: `$FOREWARN_INSTANCE_ID`, else `HOST-PID` (unique among live processes).
    static func instanceID(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let id = environment["FOREWARN_INSTANCE_ID"], !id.isEmpty { return id }
        return "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
    }
}

extension StoreChoice {
    /// For `forewarn run --store`: nil (SQLite in the state directory) or the opened shared PostgreSQL store.
    static func openShared(_ option: String?, logger: Logger) async throws -> SharedStore? {
        let choice: StoreChoice
        do { choice = try StoreChoice(option: option) } catch {
            throw DaemonStartError(errno: EINVAL, "--store: \(error)")
        }
        switch choice {
        case .sqlite(nil):
            return nil
        case .sqlite(let path?):
            throw DaemonStartError(
                errno: EINVAL,
                "--store '\(path)' is not a postgres:// URL; SQLite lives in the state directory (--state)")
        case .postgres(let location):
            do { return try await SharedStore.open(location, instanceID: instanceID(), logger: logger) } catch {
                throw DaemonStartError(errno: EIO, "\(error)")
            }
        }
    }
}

/// An open PostgreSQL store with its heartbeat (claims, leader lease, `instances` row).
struct SharedStore {
    /// The store.
    let store: PostgresStore
    /// The loop that renews claims and the lease.
    let heartbeat: InstanceHeartbeat
    /// The logger.
    var logger = Logger(label: "forewarn.postgres")

    /// Connects (bounded by a few seconds), migrates, and beats once so leadership is known before the first tick.
    static func open(
        _ location: PostgresLocation, instanceID: String, claimTimeout: TimeInterval = 60,
        leaseDuration: TimeInterval? = 10, logger: Logger
    ) async throws -> SharedStore {
        let store = try await PostgresStore.connect(
            to: location, password: try PostgresLocation.password(), instanceID: instanceID,
            claimTimeout: claimTimeout, logger: logger)
        let lease = leaseDuration.map { LeaderLease(store: store, duration: $0) }
        let heartbeat = InstanceHeartbeat(store: store, lease: lease, logger: logger)
        await heartbeat.beat()
        let encryption = (try? await store.encryption()) ?? nil
        logger.info(
            "Using the shared PostgreSQL store",
            metadata: [
                "store": "\(location)", "instance": "\(instanceID)",
                "leader": "\(heartbeat.leadership.isLeader(at: Date()))", "tls": "\(encryption ?? "none")",
            ])
        if encryption == nil, location.tls != .disable, !Self.isLoopback(location.host) {
            logger.warning(
                "The connection to PostgreSQL is not encrypted; enable ssl on the server or add ?sslmode=verify-full",
                metadata: ["store": "\(location)"])
        }
        return SharedStore(store: store, heartbeat: heartbeat, logger: logger)
    }

    /// Whether `host` is this machine (an unencrypted connection there crosses no network).
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.") || host.hasPrefix("/")
    }

    /// `engine`, ticked only while this instance leads; a live engine's occurrences in this database are loaded
    /// on taking the lease and written back after each tick.
    func gate(_ engine: any ContingencyEngine) -> any ContingencyEngine {
        var occurrences: SharedOccurrences?
        if let live = engine as? LiveEngine, let shared = live.occurrences as? PostgresOccurrenceStore {
            occurrences = SharedOccurrences(
                store: shared, reload: { await live.reloadOccurrences() },
                stored: { await live.upcoming(of: try await shared.storedOpenOccurrences()) }, logger: logger)
        }
        return LeaderGatedEngine(base: engine, leadership: heartbeat.leadership, occurrences: occurrences)
    }

    /// The heartbeat as a service (a graceful shutdown releases the lease).
    var service: HeartbeatService { HeartbeatService(heartbeat: heartbeat) }
}

import Daemon
import Foundation
import PostgresStore

/// The instances sharing a PostgreSQL store, read from its `instances` table and `engine` lease.
struct SharedInstances: InstanceSource {
    /// The store and its heartbeat.
    let shared: SharedStore

    var instanceID: String { shared.store.instanceID }

    /// How long after its last heartbeat an instance is still listed (several missed beats, at least 30 s).
    var window: TimeInterval { max(30, 3 * shared.heartbeat.interval.seconds) }

    func leads(at now: Date) -> Bool { shared.heartbeat.leadership.isLeader(at: now) }

    func instances(at now: Date) async throws -> [InstanceStatus] {
        try await shared.store.instances(seenSince: now.addingTimeInterval(-window), now: now).map {
            InstanceStatus(
                id: $0.id, host: $0.host, pid: $0.pid, startedAt: $0.startedAt, lastSeen: $0.lastSeen,
                leader: $0.isLeader)
        }
    }
}

extension Duration {
    /// The duration in seconds.
    fileprivate var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}

import Foundation
import Logging
import Store

/// The loop every instance runs: renews its notice claims, takes or renews the leader lease, and records a
/// heartbeat in `instances`.
///
/// A leader that dies is replaced within `lease.duration + interval` of its last renewal.
public struct InstanceHeartbeat: Sendable {
    /// The shared store.
    public let store: PostgresStore
    /// The leader lease to compete for, or nil for an instance that only dispatches.
    public let lease: LeaderLease?
    /// Where the outcome is published (the engine reads it before each tick).
    public let leadership: Leadership
    /// Time between beats; keep it well under the lease duration and the claim timeout.
    public let interval: Duration
    /// This host's name and process id, for the `instances` table.
    public let host: String
    /// This process's id.
    public let pid: Int
    /// When this instance started.
    public let startedAt: Date
    /// The clock.
    public let now: @Sendable () -> Date
    /// The logger.
    public let logger: Logger

    /// Creates a heartbeat; `interval` defaults to a third of the shorter of the lease and the claim timeout.
    public init(
        store: PostgresStore, lease: LeaderLease?, leadership: Leadership = Leadership(), interval: Duration? = nil,
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "forewarn.postgres")
    ) {
        self.store = store
        self.lease = lease
        self.leadership = leadership
        let shortest = min(lease?.duration ?? store.claimTimeout, store.claimTimeout)
        self.interval = interval ?? .milliseconds(Int64(max(0.05, shortest / 3) * 1000))
        host = ProcessInfo.processInfo.hostName
        pid = Int(ProcessInfo.processInfo.processIdentifier)
        self.now = now
        startedAt = now()
        self.logger = logger
    }

    /// One beat; returns whether this instance leads afterwards. Database errors are logged, not thrown.
    @discardableResult
    public func beat() async -> Bool {
        let instant = now()
        do {
            try await store.renewClaims(now: instant)
            if let lease {
                let wasLeader = leadership.isLeader(at: instant)
                var holds = wasLeader ? try await lease.renew(now: instant) : false
                var term: Date?
                if !holds {
                    term = try await lease.acquire(now: instant)
                    holds = term != nil
                }
                if holds {
                    leadership.hold(until: instant.addingTimeInterval(lease.duration), term: term)
                } else {
                    leadership.lose()
                }
                if holds != wasLeader {
                    logger.notice(
                        holds ? "This instance now leads" : "This instance no longer leads",
                        metadata: ["instance": "\(store.instanceID)"])
                }
            }
            try await store.beat(
                host: host, pid: pid, startedAt: startedAt, now: instant, isLeader: leadership.isLeader(at: instant))
        } catch {
            logger.warning(
                "Heartbeat to PostgreSQL failed",
                metadata: ["instance": "\(store.instanceID)", "error": "\(PostgresStore.describe(error))"])
        }
        return leadership.isLeader(at: now())
    }

    /// Beats every `interval` until the task is cancelled, then releases the lease if held.
    public func run() async {
        while !Task.isCancelled {
            await beat()
            try? await Task.sleep(for: interval)
        }
        if let lease, leadership.isLeader(at: now()) {
            leadership.lose()
            // An unstructured task: this one is cancelled, and the release must still reach the database.
            let farewell = Task { [self] in
                try? await lease.release()
                try? await store.beat(host: host, pid: pid, startedAt: startedAt, now: now(), isLeader: false)
            }
            await farewell.value
        }
    }
}

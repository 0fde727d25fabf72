import Foundation
import PostgresNIO
import Store

/// One row of the `instances` table: a forewarn process sharing the database.
public struct InstanceRecord: Sendable, Equatable {
    /// The instance id.
    public var id: String
    /// The host it runs on.
    public var host: String
    /// Its process id.
    public var pid: Int
    /// When it started (UTC).
    public var startedAt: Date
    /// Its last heartbeat (UTC).
    public var lastSeen: Date
    /// Whether it holds the leader lease.
    public var isLeader: Bool

    /// Creates a record.
    public init(id: String, host: String, pid: Int, startedAt: Date, lastSeen: Date, isLeader: Bool) {
        self.id = id
        self.host = host
        self.pid = pid
        self.startedAt = startedAt
        self.lastSeen = lastSeen
        self.isLeader = isLeader
    }
}

extension PostgresStore {
    /// Records a heartbeat of this instance (inserted on the first beat).
    public func beat(host: String, pid: Int, startedAt: Date, now: Date, isLeader: Bool) async throws {
        try await client.query(
            """
            INSERT INTO instances (instance_id, host, pid, started_at, last_seen, is_leader)
            VALUES (\(instanceID), \(host), \(pid), \(startedAt.stored), \(now.stored), \(isLeader))
            ON CONFLICT (instance_id) DO UPDATE SET host = EXCLUDED.host, pid = EXCLUDED.pid,
                started_at = EXCLUDED.started_at, last_seen = EXCLUDED.last_seen, is_leader = EXCLUDED.is_leader
            """)
    }

    /// Every instance that beat since `since`, leader first, then by id.
    ///
    /// `isLeader` is read from the `engine` lease at `now` (not from the instance's last report, which a killed
    /// leader never corrects).
    public func instances(seenSince since: Date, now: Date) async throws -> [InstanceRecord] {
        let rows = try await client.query(
            """
            SELECT i.instance_id, i.host, i.pid, i.started_at, i.last_seen,
                COALESCE(l.holder = i.instance_id AND l.expires_at > \(now.stored), FALSE) AS is_leading
            FROM instances i LEFT JOIN leases l ON l.name = 'engine'
            WHERE i.last_seen >= \(since.stored) ORDER BY is_leading DESC, i.instance_id
            """)
        var records: [InstanceRecord] = []
        for try await (id, host, pid, started, seen, leader) in rows.decode(
            (String, String, Int, Double, Double, Bool).self)
        {
            records.append(
                InstanceRecord(
                    id: id, host: host, pid: pid, startedAt: Date(timeIntervalSince1970: started),
                    lastSeen: Date(timeIntervalSince1970: seen), isLeader: leader))
        }
        return records
    }
}

import Foundation

/// One forewarn process sharing the store, as `GET /api/v1/instances` and `forewarn status` show it.
public struct InstanceStatus: Sendable, Equatable, Codable {
    /// The instance id (`$FOREWARN_INSTANCE_ID`, else `HOST-PID`).
    public var id: String
    /// The host it runs on.
    public var host: String
    /// Its process id.
    public var pid: Int
    /// When it started (UTC).
    public var startedAt: Date
    /// Its last heartbeat (UTC).
    public var lastSeen: Date
    /// Whether it evaluates the plans (holds the leader lease).
    public var leader: Bool

    /// Creates a status.
    public init(id: String, host: String, pid: Int, startedAt: Date, lastSeen: Date, leader: Bool) {
        self.id = id
        self.host = host
        self.pid = pid
        self.startedAt = startedAt
        self.lastSeen = lastSeen
        self.leader = leader
    }
}

/// The instances sharing the store and which one leads (several on PostgreSQL, one on SQLite).
public protocol InstanceSource: Sendable {
    /// This instance's id.
    var instanceID: String { get }
    /// Whether this instance leads at `now`, as last confirmed (no I/O).
    func leads(at now: Date) -> Bool
    /// Every live instance sharing the store at `now`, leader first.
    func instances(at now: Date) async throws -> [InstanceStatus]
}

/// The only instance of an embedded (SQLite) store: itself, always leading.
public struct SoloInstance: InstanceSource {
    /// This instance, as reported (its `lastSeen` is the time of the question).
    public let status: InstanceStatus

    /// This process: `HOST-PID`, started at `startedAt`.
    public init(startedAt: Date) {
        let host = ProcessInfo.processInfo.hostName
        let pid = Int(ProcessInfo.processInfo.processIdentifier)
        status = InstanceStatus(
            id: "\(host)-\(pid)", host: host, pid: pid, startedAt: startedAt, lastSeen: startedAt, leader: true)
    }

    public var instanceID: String { status.id }

    public func leads(at now: Date) -> Bool { true }

    public func instances(at now: Date) async throws -> [InstanceStatus] {
        var current = status
        current.lastSeen = now
        return [current]
    }
}

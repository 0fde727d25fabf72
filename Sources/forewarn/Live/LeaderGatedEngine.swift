import Daemon
import Foundation
import Plans
import PostgresStore
import ServiceLifecycle

/// Runs an ``InstanceHeartbeat`` until a graceful shutdown.
struct HeartbeatService: Service {
    /// The heartbeat.
    let heartbeat: InstanceHeartbeat

    func run() async throws {
        await cancelWhenGracefulShutdown { await heartbeat.run() }
    }
}

/// The engine, ticked only while this instance holds the leader lease (every instance still dispatches).
struct LeaderGatedEngine: ContingencyEngine {
    /// The engine.
    let base: any ContingencyEngine
    /// The lease's state.
    let leadership: Leadership

    func upcoming(at now: Date) async throws -> [UpcomingOccurrence] { try await base.upcoming(at: now) }

    func tick(at now: Date) async {
        guard leadership.isLeader(at: now) else { return }
        await base.tick(at: now)
    }

    func apply(_ plans: PlanSet) async { await base.apply(plans) }
}

import Daemon
import Engine
import Foundation
import Logging
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
    /// The engine's occurrences in the shared database (nil: the engine keeps them itself).
    var occurrences: SharedOccurrences?

    /// The leader's own view; a standby shows what the leader last wrote to the shared database.
    func upcoming(at now: Date) async throws -> [UpcomingOccurrence] {
        guard let occurrences, !leadership.isLeader(at: now) else { return try await base.upcoming(at: now) }
        return try await occurrences.stored()
    }

    func tick(at now: Date) async {
        guard leadership.isLeader(at: now) else { return }
        if let occurrences, await !occurrences.prepare(term: leadership.term(at: now), now: now) { return }
        await base.tick(at: now)
        await occurrences?.persist(now: now)
    }

    func apply(_ plans: PlanSet) async { await base.apply(plans) }
}

/// The leader's occurrence working set: loaded from PostgreSQL when this instance takes the lease (before its
/// first tick as leader), written back after each tick, once the tick's notices are in the outbox.
struct SharedOccurrences: Sendable {
    /// The store.
    let store: PostgresOccurrenceStore
    /// Rebuilds the engine over a freshly loaded working set (the engine caches the timers it read).
    let reload: @Sendable () async -> Void
    /// The open occurrences the leader last wrote, as the API shows them (a standby's view).
    let stored: @Sendable () async throws -> [UpcomingOccurrence]
    /// The logger.
    let logger: Logger

    /// Loads the working set unless it belongs to the lease `term` already; false when it cannot (skip the tick).
    func prepare(term: Date?, now: Date) async -> Bool {
        if let loaded = store.term, term == nil || loaded == term { return true }
        do {
            try await store.load(now: now)
        } catch {
            logger.error("Not ticking the engine: \(error)")
            return false
        }
        await reload()
        logger.notice(
            "Loaded the engine's occurrences as leader",
            metadata: ["occurrences": "\(store.allOccurrences().count)", "instance": "\(store.store.instanceID)"])
        return true
    }

    /// Writes the tick's changes (fenced by the lease); a failure is logged and retried on the next tick.
    func persist(now: Date) async {
        do { try await store.write(now: now) } catch {
            logger.error("Cannot persist the engine's occurrences: \(error)")
        }
    }
}

extension LiveEngine {
    /// Rebuilds the pure engine over its occurrence store, keeping plans and forecasters (after the store loaded
    /// another working set).
    func reloadOccurrences() {
        do {
            var rebuilt = try Engine(planSet: engine.planSet, store: occurrences, forecasters: engine.forecasters)
            rebuilt.lookahead = engine.lookahead
            rebuilt.lateAfter = engine.lateAfter
            engine = rebuilt
        } catch {
            logger.error("Engine kept its state: it cannot be rebuilt over the loaded occurrences: \(error)")
        }
    }
}

import Foundation
import Logging
import ServiceLifecycle

/// The main loop: every tick runs the engine, refreshes STATUS= and then pings the watchdog, so a stalled
/// tick stops the pings and systemd restarts the daemon.
public struct MainLoopService: Service {
    private let interval: Duration
    private let watchdogEnabled: Bool
    private let sink: any NotifySink
    private let plans: PlanRegistry
    private let board: StatusBoard
    private let engine: (any ContingencyEngine)?
    private let desk: (any NoticeDesk)?
    private let now: @Sendable () -> Date

    /// Creates the loop; `watchdog` decides the tick and whether WATCHDOG=1 is sent.
    public init(
        watchdog: Watchdog, sink: any NotifySink, plans: PlanRegistry, board: StatusBoard,
        engine: (any ContingencyEngine)?, desk: (any NoticeDesk)?, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.interval = watchdog.tick()
        self.watchdogEnabled = watchdog.timeout != nil
        self.sink = sink
        self.plans = plans
        self.board = board
        self.engine = engine
        self.desk = desk
        self.now = now
    }

    /// Ticks until graceful shutdown or cancellation.
    public func run() async throws {
        var lastStatus = ""
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let status = await tick()
            var fields: [(String, String)] = []
            if status != lastStatus { fields.append(("STATUS", status)) }
            if watchdogEnabled { fields.append(("WATCHDOG", "1")) }
            if !fields.isEmpty { sink.send(fields) }
            lastStatus = status
            do { try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) } } catch { return }
        }
    }

    /// One pass: the engine's work, then the status line.
    func tick() async -> String {
        let instant = now()
        if let engine { await engine.tick(at: instant) }
        let next = try? await engine?.upcoming(at: instant).first
        let pending = await desk?.pendingCount()
        let count = await plans.current.plans.count
        var line = StatusLine.make(plans: count, next: next ?? nil, pending: pending, now: instant)
        if let note = await board.reloadNote { line += "; \(note)" }
        return line
    }
}

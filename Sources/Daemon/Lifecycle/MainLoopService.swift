import Foundation
import Logging
import Plans
import ServiceLifecycle

/// The main loop: it runs the engine every `policies.tick` and as soon as a signal gets a new sample, refreshes
/// STATUS= and then pings the watchdog, so a stalled engine pass stops the pings and systemd restarts the daemon.
public struct MainLoopService: Service {
    private let interval: Duration
    private let engineTick: Duration?
    private let watchdogEnabled: Bool
    private let sink: any NotifySink
    private let plans: PlanRegistry
    private let board: StatusBoard
    private let engine: (any ContingencyEngine)?
    private let desk: (any NoticeDesk)?
    private let wakeUp: EngineWakeUp
    private let readiness: ReadinessGate?
    private let now: @Sendable () -> Date
    /// The shortest gap between two engine passes asked for by new samples (a busy push stream coalesces).
    static let sampleGap = Duration.milliseconds(250)

    /// Creates the loop; `watchdog` decides the loop's pace and whether WATCHDOG=1 is sent, `engineTick`
    /// overrides the plans' `policies.tick`, `wakeUp` brings an engine pass forward, and the first pass waits
    /// for `readiness` (READY=1 is not held up by the engine's first pass over every plan).
    public init(
        watchdog: Watchdog, sink: any NotifySink, plans: PlanRegistry, board: StatusBoard,
        engine: (any ContingencyEngine)?, desk: (any NoticeDesk)?, wakeUp: EngineWakeUp = EngineWakeUp(),
        engineTick: Duration? = nil, readiness: ReadinessGate? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.readiness = readiness
        self.interval = watchdog.tick()
        self.engineTick = engineTick
        self.watchdogEnabled = watchdog.timeout != nil
        self.sink = sink
        self.plans = plans
        self.board = board
        self.engine = engine
        self.desk = desk
        self.wakeUp = wakeUp
        self.now = now
    }

    /// Loops until graceful shutdown or cancellation.
    public func run() async throws {
        if let readiness {
            // Polls (5 ms) rather than awaiting the gate so that a shutdown before readiness ends the wait.
            _ = try? await cancelWhenGracefulShutdown {
                while !(await readiness.opened) { try await Task.sleep(for: .milliseconds(5)) }
            }
            guard await readiness.opened else { return }
        }
        var lastStatus = ""
        var wakes = wakeUp.wakes.makeAsyncIterator()
        let clock = ContinuousClock()
        var engineDue = clock.now
        var lastPass = clock.now - Self.sampleGap
        await withGracefulShutdownHandler {
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                let start = clock.now
                if wakeUp.consumeSample() { engineDue = min(engineDue, max(start, lastPass + Self.sampleGap)) }
                let runEngine = start >= engineDue
                if runEngine {
                    engineDue = start + (await engineInterval())
                    lastPass = start
                }
                let status = await tick(runEngine: runEngine)
                var fields: [(String, String)] = []
                if status != lastStatus { fields.append(("STATUS", status)) }
                if watchdogEnabled { fields.append(("WATCHDOG", "1")) }
                if !fields.isEmpty { sink.send(fields) }
                lastStatus = status
                let pause = max(.zero, min(interval, engineDue - clock.now))
                let timer = Task { [wakeUp] in
                    try? await Task.sleep(for: pause)
                    wakeUp.ring()
                }
                _ = await wakes.next()
                timer.cancel()
            }
        } onGracefulShutdown: { [wakeUp] in
            wakeUp.ring()
        }
    }

    /// How often the engine evaluates without new samples: `policies.tick` of the plans in force.
    private func engineInterval() async -> Duration {
        if let engineTick { return engineTick }
        let seconds = await plans.current.policies.tick.seconds
        return .milliseconds(Int64(max(0.1, seconds) * 1_000))
    }

    /// One pass: the engine's work when `runEngine`, then the status line.
    func tick(runEngine: Bool = true) async -> String {
        let instant = now()
        if runEngine, let engine { await engine.tick(at: instant) }
        return await status(at: instant)
    }

    /// The STATUS= line: plans, the next contingency and its lead (unless `consultingEngine` is false),
    /// pending notices, a failed reload.
    func status(at instant: Date, consultingEngine: Bool = true) async -> String {
        let next = consultingEngine ? try? await engine?.upcoming(at: instant).first : nil
        let pending = await desk?.pendingCount()
        let count = await plans.current.plans.count
        var line = StatusLine.make(plans: count, next: next ?? nil, pending: pending, now: instant)
        if let note = await board.reloadNote { line += "; \(note)" }
        return line
    }
}

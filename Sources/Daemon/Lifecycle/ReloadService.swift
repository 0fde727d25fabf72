import Foundation
import Logging
import Plans
import ServiceLifecycle
import UnixSignals

/// Reloads the plans on SIGHUP: RELOADING=1, build aside, swap or keep the last good ones, then ALWAYS READY=1.
public struct ReloadService: Service {
    private let plans: PlanRegistry
    private let sink: any NotifySink
    private let metrics: DaemonMetrics
    private let board: StatusBoard
    private let logger: Logger
    private let engine: (any ContingencyEngine)?
    private let handlers: [@Sendable (PlanSet) async -> Void]

    /// Creates the service; a successful reload hands the new plans to `engine`, then to each of `handlers`.
    public init(
        plans: PlanRegistry, sink: any NotifySink, metrics: DaemonMetrics, board: StatusBoard, logger: Logger,
        engine: (any ContingencyEngine)? = nil, handlers: [@Sendable (PlanSet) async -> Void] = []
    ) {
        self.plans = plans
        self.engine = engine
        self.handlers = handlers
        self.sink = sink
        self.metrics = metrics
        self.board = board
        self.logger = logger
    }

    /// Handles SIGHUP until shutdown.
    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            await reload()
        }
    }

    /// One reload (also called by tests).
    public func reload() async {
        let start = ContinuousClock.now
        sink.send([
            ("RELOADING", "1"), ("MONOTONIC_USEC", String(Self.monotonicMicroseconds())), ("STATUS", "reloading"),
        ])
        let outcome = await plans.reload(at: Date())
        metrics.record(outcome)
        await board.record(outcome)
        if outcome.succeeded {
            let fresh = await plans.current
            if let engine { await engine.apply(fresh) }
            for handler in handlers { await handler(fresh) }
            let elapsed = (ContinuousClock.now - start).components
            let milliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
            logger.info("Reloaded \(outcome.planCount ?? 0) plans from '\(plans.directory)' in \(milliseconds) ms")
        } else {
            for error in outcome.errors { logger.error("\(error)") }
            logger.error(
                "Reload of '\(plans.directory)' failed with \(outcome.errorCount) errors; kept the last good plans (fix them: forewarn check --plans \(plans.directory))"
            )
        }
        sink.send([("READY", "1"), ("STATUS", outcome.statusLine)])
    }

    /// CLOCK_MONOTONIC in microseconds (systemd 253+ wants it with RELOADING=1; 252 ignores it).
    static func monotonicMicroseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000 + UInt64(spec.tv_nsec) / 1_000
    }
}

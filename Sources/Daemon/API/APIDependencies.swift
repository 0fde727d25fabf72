import Foundation
import Signals

/// What the API answers from: the live parts, with nil for those not wired yet (their endpoints answer 501).
public struct APIDependencies: Sendable {
    /// The signal registry pushes go into.
    public var monitor: SignalMonitor
    /// The live plans.
    public var plans: PlanRegistry
    /// Metrics for `/metrics`.
    public var metrics: DaemonMetrics
    /// The bearer token; nil closes the guarded endpoints (403).
    public var token: APIToken?
    /// Open once the daemon is ready (`/readyz`).
    public var readiness: ReadinessGate
    /// The engine (issue 6), when wired.
    public var engine: (any ContingencyEngine)?
    /// The store and dispatcher (issue 5), when wired.
    public var desk: (any NoticeDesk)?
    /// The instances sharing the store (a ``SoloInstance`` unless given).
    public var instances: any InstanceSource
    /// The clock.
    public var now: @Sendable () -> Date

    /// Creates the dependencies.
    public init(
        monitor: SignalMonitor, plans: PlanRegistry, metrics: DaemonMetrics, token: APIToken?,
        readiness: ReadinessGate, engine: (any ContingencyEngine)? = nil, desk: (any NoticeDesk)? = nil,
        now: @escaping @Sendable () -> Date = { Date() }, instances: (any InstanceSource)? = nil
    ) {
        self.instances = instances ?? SoloInstance(startedAt: now())
        self.monitor = monitor
        self.plans = plans
        self.metrics = metrics
        self.token = token
        self.readiness = readiness
        self.engine = engine
        self.desk = desk
        self.now = now
    }
}

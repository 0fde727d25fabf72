import Daemon
import Foundation
import Logging
import Plans
import Prometheus
import Signals

/// An API over the fixture plans: a push signal `queue_depth` (0…100000), a polled signal `ups`, a fixed clock.
enum APIFixture {
    static let token = "api-test-token-0123456789"
    static let now = Date(timeIntervalSince1970: 1_795_400_000)

    static func plansURL() -> URL { Bundle.module.url(forResource: "Fixtures/plans", withExtension: nil)! }

    static func dependencies(token: APIToken? = APIToken(token), desk: (any NoticeDesk)? = nil) async throws
        -> APIDependencies
    {
        let logger = Logger(label: "test")
        let monitor = SignalMonitor(history: InMemorySignalHistoryStore(), logger: logger)
        try await monitor.register(SignalConfig(name: "queue_depth", source: .push, validRange: 0...100_000))
        try await monitor.register(SignalConfig(name: "ups", source: .file(FileSourceConfig(path: "/nonexistent"))))
        let load: PlanSetLoader = { PlanLoader().load(directory: $0) }
        let initial = load(plansURL().path)
        guard let set = initial.planSet else {
            throw DaemonTestError("fixture plans do not load: \(initial.diagnostics)")
        }
        let registry = PlanRegistry(initial: set, directory: plansURL().path, loader: load)
        let gate = ReadinessGate()
        await gate.open()
        let metrics = DaemonMetrics(registry: PrometheusCollectorRegistry())
        metrics.record(ReloadOutcome(result: initial, at: now))
        return APIDependencies(
            monitor: monitor, plans: registry, metrics: metrics, token: token, readiness: gate, desk: desk,
            now: { now })
    }
}

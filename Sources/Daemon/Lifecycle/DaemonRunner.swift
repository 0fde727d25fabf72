import Foundation
import HTTPTransport
import Hummingbird
import Logging
import Plans
import Prometheus
import ServiceLifecycle
import Signals

/// Assembles and runs the daemon: plans loaded first, then a ServiceGroup of signal pollers, the main loop,
/// the reload handler, the HTTP API and the systemd notifier (in that order; shutdown runs in reverse).
public struct DaemonRunner: Sendable {
    /// How to run.
    public var options: DaemonOptions
    /// The plan loader (`PlanLoading.makeLoader()` in the executable).
    public var loader: PlanSetLoader
    /// Where sd_notify messages go.
    public var sink: any NotifySink
    /// The engine (issue 6), when wired.
    public var engine: (any ContingencyEngine)?
    /// The store and dispatcher (issue 5), when wired.
    public var desk: (any NoticeDesk)?
    /// Extra services (store, engine, dispatcher) placed before the API in the group.
    public var services: [any Service]
    /// The Prometheus registry `/metrics` renders.
    public var registry: PrometheusCollectorRegistry
    /// The logger.
    public var logger: Logger
    /// The signal monitor to fill (so an engine built outside can read it); a fresh one when nil.
    public var monitor: SignalMonitor?
    /// Called with each plan set a SIGHUP swapped in (after the engine took it), e.g. to update receivers.
    public var reloadHandlers: [@Sendable (PlanSet) async -> Void]
    /// The HTTP client the pollers use (shared with the dispatcher: one libcurl thread); a fresh one when nil.
    public var transport: HTTPTransport?
    /// The instances sharing the store; this process alone, leading, when nil (SQLite).
    public var instances: (any InstanceSource)?

    /// Creates a runner.
    public init(
        options: DaemonOptions, loader: @escaping PlanSetLoader, sink: any NotifySink = SystemdNotifier(),
        engine: (any ContingencyEngine)? = nil, desk: (any NoticeDesk)? = nil, services: [any Service] = [],
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), logger: Logger,
        monitor: SignalMonitor? = nil, reloadHandlers: [@Sendable (PlanSet) async -> Void] = [],
        transport: HTTPTransport? = nil, instances: (any InstanceSource)? = nil
    ) {
        self.transport = transport
        self.instances = instances
        self.options = options
        self.loader = loader
        self.sink = sink
        self.engine = engine
        self.desk = desk
        self.services = services
        self.registry = registry
        self.logger = logger
        self.monitor = monitor
        self.reloadHandlers = reloadHandlers
    }

    /// Loads the plans (a failure is a `DaemonStartError`), then runs until SIGTERM/SIGINT.
    public func run() async throws {
        let metrics = DaemonMetrics(registry: registry)
        let initial = loadInitialPlans(metrics: metrics)
        guard let set = initial.set else { throw initial.error! }
        do {
            try FileManager.default.createDirectory(atPath: options.stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw DaemonStartError(
                errno: EACCES,
                "cannot create the state directory '\(options.stateDirectory)': \(error.localizedDescription)")
        }
        let inherited = try SocketActivation.passedSocket()
        if inherited != nil {
            logger.info("Socket activation: serving the socket systemd passed; --listen is not bound")
        }
        let token = try APIToken.load()
        if token == nil {
            logger.warning(
                "No API token (credential api-token or FOREWARN_API_TOKEN): the /api/v1 endpoints answer 403")
        }
        let plans = PlanRegistry(initial: set, directory: options.plansDirectory, loader: loader)
        let gate = ReadinessGate()
        let board = StatusBoard()
        let monitor = self.monitor ?? SignalMonitor(history: InMemorySignalHistoryStore(), logger: logger)
        let ownTransport = self.transport == nil ? HTTPTransport(logger: logger) : nil
        defer { ownTransport?.shutdown() }
        let transport = self.transport ?? ownTransport!
        let dependencies = APIDependencies(
            monitor: monitor, plans: plans, metrics: metrics, token: token, readiness: gate, engine: engine, desk: desk,
            instances: instances)
        let wakeUp = EngineWakeUp()
        await monitor.onNewSample { _ in wakeUp.fire() }
        let mainLoop = MainLoopService(
            watchdog: options.watchdog, sink: sink, plans: plans, board: board, engine: engine, desk: desk,
            wakeUp: wakeUp, readiness: gate)
        // Every service named: without a name ServiceLifecycle describes each service with `"\(service)"`, which
        // reflects over all its stored properties (and pages in reflection metadata of every module they touch).
        typealias Configuration = ServiceGroupConfiguration.ServiceConfiguration
        let signalService = SignalService(
            plans: plans, monitor: monitor, factory: SourceFactory(transport: transport), logger: logger)
        let reloadService = ReloadService(
            plans: plans, sink: sink, metrics: metrics, board: board, logger: logger, engine: engine,
            handlers: reloadHandlers)
        let notifier = NotifierService(sink: sink, gate: gate, logger: logger) {
            await mainLoop.status(at: Date(), consultingEngine: false)
        }
        let group = ServiceGroup(
            configuration: .init(
                services: [Configuration(service: signalService, serviceName: "signals")]
                    + services.map { Configuration(service: $0, serviceName: "\(type(of: $0))") } + [
                        Configuration(service: mainLoop, serviceName: "main-loop"),
                        Configuration(service: reloadService, serviceName: "reload"),
                        Configuration(
                            service: makeApplication(dependencies, gate: gate, inherited: inherited), serviceName: "api"
                        ),
                        Configuration(service: notifier, serviceName: "systemd-notifier"),
                    ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
    }

    /// How many warnings of the initial load are logged one by one.
    static let loggedWarnings = 20

    private func loadInitialPlans(metrics: DaemonMetrics) -> (set: PlanSet?, error: DaemonStartError?) {
        let result = loader(options.plansDirectory)
        // Every error, but at most `loggedWarnings` warnings: 1,000 plans repeating one warning would flood the
        // journal (and cost more start-up time than loading them); `forewarn check` lists them all.
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        for diagnostic in result.diagnostics where diagnostic.severity == .error { logger.error("\(diagnostic)") }
        for diagnostic in warnings.prefix(Self.loggedWarnings) { logger.warning("\(diagnostic)") }
        if warnings.count > Self.loggedWarnings {
            logger.warning(
                "… and \(warnings.count - Self.loggedWarnings) more warnings: forewarn check --plans \(options.plansDirectory) lists them all"
            )
        }
        let outcome = ReloadOutcome(result: result, at: Date())
        metrics.record(outcome)
        guard let set = result.planSet else {
            return (
                nil,
                DaemonStartError(
                    errno: EINVAL,
                    "cannot load plans from '\(options.plansDirectory)': \(outcome.errorCount) errors (forewarn check --plans \(options.plansDirectory))"
                )
            )
        }
        logger.info(
            "Loaded \(set.plans.count) plans, \(set.signals.count) signals, \(set.receivers.count) receivers from '\(options.plansDirectory)'"
        )
        return (set, nil)
    }
}

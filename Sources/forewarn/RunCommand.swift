import ArgumentParser
import Daemon
import Foundation
import Logging
import Plans

/// `forewarn run`: the daemon (see docs/daemon.md).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon on a plan directory until stopped (SIGHUP reloads the plans).")

    @OptionGroup var plans: PlanDirectoryOption

    @Option(help: "The state directory (default: $STATE_DIRECTORY, else ./.forewarn).")
    var state: String?

    @Option(help: "Where the API listens: HOST:PORT or unix:/PATH (default: 127.0.0.1:9330).")
    var listen: String?

    @Option(
        help: """
            Share a PostgreSQL database with other instances: postgres://USER@HOST:PORT/DB, TLS as libpq with \
            ?sslmode=verify-full&sslrootcert=CA.pem (password from $CREDENTIALS_DIRECTORY/postgres-password or \
            FOREWARN_PG_PASSWORD). Default: SQLite in the state directory.
            """)
    var store: String?

    @Option(
        help: """
            How long finished notices, closed occurrences and contact records are kept (at least 60d; default \
            180d), or 'off'. Pruned hourly.
            """, transform: Retention.parse)
    var retention: Retention = .standard

    func run() async throws {
        ProcessBootstrap.holdReloadSignal()
        _ = ProcessBootstrap.logging()
        let registry = ProcessBootstrap.metricsRegistry()
        let logger = Logger(label: "forewarn")
        let systemd = SystemdNotifier()
        do {
            let options = DaemonOptions(
                plansDirectory: plans.resolved,
                stateDirectory: state ?? ProcessInfo.processInfo.environment["STATE_DIRECTORY"] ?? ".forewarn",
                listen: try listen.map(ListenAddress.init(parsing:)) ?? .standard,
                watchdog: .fromEnvironment())
            let loader = PlanLoading.makeLoader()
            let first = OneShot(loader.load(directory: options.plansDirectory))
            let shared = try await StoreChoice.openShared(store, logger: logger)
            let wiring = try first.peek.planSet.map {
                try LiveWiring(
                    planSet: $0, stateDirectory: options.stateDirectory, logger: logger, shared: shared?.store)
            }
            defer { wiring?.transport.shutdown() }
            let runner = DaemonRunner(
                options: options, loader: { first.take() ?? loader.load(directory: $0) }, sink: systemd,
                engine: wiring.map { shared?.gate($0.engine) ?? $0.engine }, desk: wiring?.desk,
                services: (wiring.map { [$0.service] } ?? []) + (shared.map { [$0.service] } ?? [])
                    + (wiring?.retention(retention, logger: logger).map { [$0] } ?? []),
                registry: registry, logger: logger, monitor: wiring?.monitor,
                reloadHandlers: wiring.map { [$0.reloadHandler(logger: logger)] } ?? [], transport: wiring?.transport,
                instances: shared.map(SharedInstances.init))
            try await runner.run()
            logger.info("Stopped")
        } catch let error as DaemonStartError {
            logger.critical("\(error.message)")
            systemd.failed(status: error.message, errno: error.errno)
            throw ExitCode(1)
        } catch {
            logger.critical("Fatal: \(error)")
            systemd.failed(status: "fatal: \(error)", errno: EIO)
            throw ExitCode(1)
        }
    }
}

/// A value handed out once (the first plan load, reused by the runner's initial load).
final class OneShot<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?
    /// The value, still held.
    let peek: Value

    /// Holds `value`.
    init(_ value: Value) {
        self.value = value
        self.peek = value
    }

    /// The value the first time, nil after.
    func take() -> Value? {
        lock.withLock {
            defer { value = nil }
            return value
        }
    }
}

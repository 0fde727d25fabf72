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
            let runner = DaemonRunner(
                options: options, loader: { loader.load(directory: $0) }, sink: systemd, registry: registry,
                logger: logger)
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

import ArgumentParser
import Daemon
import Dispatch
import Foundation
import Logging
import Plans

/// `forewarn run`: the daemon. For now it loads and validates the plans, then idles until SIGTERM or SIGINT.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon on a plan directory until stopped.")

    @OptionGroup var plans: PlanDirectoryOption

    @Option(help: "The state directory (default: $STATE_DIRECTORY, else ./.forewarn).")
    var state: String?

    func run() async throws {
        LoggingSystem.bootstrap { label in StreamLogHandler.standardError(label: label) }
        let logger = Logger(label: "forewarn")
        let directory = plans.resolved
        let result = PlanLoading.makeLoader().load(directory: directory)
        for diagnostic in result.diagnostics where diagnostic.severity != .note {
            logger.log(level: diagnostic.severity == .error ? .error : .warning, "\(diagnostic)")
        }
        let systemd = SystemdNotifier()
        guard let set = result.planSet else {
            logger.critical(
                "Failed to load plans from '\(directory)': fix the errors above (forewarn check --plans \(directory))")
            systemd.failed(
                status:
                    "Failed to load plans from \(directory): \(result.diagnostics.filter { $0.severity == .error }.count) errors",
                errno: EINVAL)
            throw ExitCode(1)
        }
        let stateDirectory = state ?? ProcessInfo.processInfo.environment["STATE_DIRECTORY"] ?? ".forewarn"
        try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        logger.info(
            "Loaded \(set.plans.count) plans, \(set.signals.count) signals, \(set.receivers.count) receivers, \(set.audiences.count) audiences, \(set.calendars.count) calendars from '\(directory)'; state in '\(stateDirectory)'; idling until stopped"
        )
        systemd.ready(status: "\(set.plans.count) plans loaded; idle (engine not wired yet)")
        let signal = await Self.waitForTermination()
        systemd.stopping(status: "Stopping on \(signal)")
        logger.info("Received \(signal), stopping")
    }

    /// Suspends until SIGTERM or SIGINT arrives; returns its name.
    static func waitForTermination() async -> String {
        await withCheckedContinuation { continuation in
            let once = OnceFlag()
            for (number, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    if once.claim() { continuation.resume(returning: name) }
                }
                source.resume()
                Retained.sources.append(source)
            }
        }
    }
}

/// Keeps signal sources alive for the life of the process.
private enum Retained {
    nonisolated(unsafe) static var sources: [DispatchSourceSignal] = []
}

/// A flag that can be claimed once, from any thread.
private final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false

    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if claimed { return false }
        claimed = true
        return true
    }
}

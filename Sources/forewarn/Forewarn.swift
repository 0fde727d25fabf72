import ArgumentParser
import Daemon
import Foundation

/// The `forewarn` command line: a thin shell over the library targets.
@main
struct Forewarn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forewarn",
        abstract: "A proactive contingency planner: foresee known contingencies and tell people before they hit.",
        subcommands: [
            RunCommand.self,
            StatusCommand.self,
            CheckCommand.self,
            SchemaCommand.self,
            StaffingCommand.self,
            CalendarCommand.self,
            ForecastCommand.self,
            SignalsCommand.self,
            PruneCommand.self,
            SimulateCommand.self,
            DrillCommand.self,
            ReceiversCommand.self,
            NoticesCommand.self,
            DeliverySoakCommand.self,
        ])

    /// Runs the command; usage errors exit with status 2 (as `check` documents), other failures as thrown.
    ///
    /// A synchronous `main` that blocks the main thread until the command's task ends, not an `async` one: on
    /// Linux an async `main` parks the main thread in `dispatch_main`, whose `pthread_exit` unwinds the main
    /// stack through the binary's unwind tables and leaves ~0.8 MiB of them resident for the daemon's whole life
    /// (docs/daemon.md, "Memory"). Nothing here runs on the main actor.
    static func main() {
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            fail(error)
        }
        // Before `run` hops onto the concurrency runtime's threads: glibc fixes its arena count when a second
        // thread first allocates, so a limit set later no longer holds; and setenv is not safe beside readers.
        if command is RunCommand {
            ProcessBootstrap.limitMallocArenas()
            ProcessBootstrap.pinProcessTimeZone()
        }
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) let parsed = command  // handed to the one task below and not touched here again
        Task.detached {  // not on the main actor: its thread waits below
            do {
                if var asyncCommand = parsed as? AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    var command = parsed
                    try command.run()
                }
            } catch {
                fail(error)
            }
            finished.signal()
        }
        finished.wait()
    }

    private static func fail(_ error: Error) -> Never {
        if exitCode(for: error) == .validationFailure {
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
        exit(withError: error)
    }
}

/// The plan directory option shared by commands: `--plans DIR`, default `$CONFIGURATION_DIRECTORY` or `./plans`.
struct PlanDirectoryOption: ParsableArguments {
    @Option(name: .customLong("plans"), help: "The plan directory (default: $CONFIGURATION_DIRECTORY, else ./plans).")
    var directory: String?

    /// The directory to load.
    var resolved: String {
        if let directory { return directory }
        if let configured = ProcessInfo.processInfo.environment["CONFIGURATION_DIRECTORY"], !configured.isEmpty {
            return configured.split(separator: ":").first.map(String.init) ?? configured
        }
        return "plans"
    }
}

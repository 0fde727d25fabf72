import ArgumentParser
import Foundation

/// The `forewarn` command line: a thin shell over the library targets.
@main
struct Forewarn: AsyncParsableCommand {
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
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
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

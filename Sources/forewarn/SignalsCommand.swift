import ArgumentParser
import CivilDay
import Foundation
import Plans
import Signals

/// `forewarn signals`: tools for operators tuning signal definitions.
struct SignalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signals",
        abstract: "Work with load signals.",
        subcommands: [SignalsTestCommand.self])
}

/// `forewarn signals test NAME`: poll one signal once and print its value or the precise reason it failed.
struct SignalsTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Poll a signal once; print its value, or why it failed.",
        discussion: """
            The signal comes from the plan directory (--plans), or from --source and its settings when given.
            Exit status: 0 a good value, 1 the poll failed or the value was rejected, 2 usage or plan errors.
            """)

    @Argument(help: "The signal's name.")
    var name: String

    @OptionGroup var plans: PlanDirectoryOption

    @Option(help: "Define the signal inline instead: prometheus, http-json, nut, file or command.")
    var source: String?

    @Option(help: "prometheus: server base URL; http-json: the URL to GET.") var url: String?
    @Option(help: "prometheus: the PromQL query.") var query: String?
    @Option(help: "http-json: RFC 6901 pointer to the value, e.g. /data/load.") var pointer: String?
    @Option(help: "nut: upsd host.") var host: String = "127.0.0.1"
    @Option(help: "nut: upsd port.") var port: Int = 3493
    @Option(help: "nut: the UPS name.") var ups: String?
    @Option(help: "nut: the variable, e.g. ups.status or battery.charge.") var variable: String?
    @Option(help: "file: the file's path.") var path: String?
    @Option(parsing: .singleValue, help: "command: one argv element (repeat it), or the line with --shell.")
    var arg: [String] = []
    @Flag(help: "command: run through /bin/sh -c.") var shell = false
    @Option(help: "Valid range as MIN,MAX; values outside are rejected.") var range: String?
    @Option(help: "Seconds one poll may take.") var timeout: Double = 10
    @Flag(help: "Read state flags (OL, OB, LB) rather than a number.") var state = false

    func run() async throws {
        let config = try makeConfig()
        let problems = config.problems
        if !problems.isEmpty {
            for problem in problems { FileHandle.standardError.write(Data("error: \(problem)\n".utf8)) }
            throw ExitCode(2)
        }
        switch await SignalProbe.probe(config) {
        case .accepted(let sample):
            print(
                "\(name) = \(sample.value) (\(config.kind.rawValue), \(config.source.kindName), at \(Self.iso(sample.time)))"
            )
        case .rejected(let bad):
            FileHandle.standardError.write(Data("\(name): \(bad)\n".utf8))
            throw ExitCode(1)
        case .failed(let error):
            FileHandle.standardError.write(
                Data("\(name): read failed (\(error.code.rawValue)): \(error.message)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The definition to probe: inline when `--source` is given, else the plan directory's signal `name`.
    func makeConfig() throws -> SignalConfig {
        guard let source else { return try configFromPlans() }
        let kind: SignalKind? = state ? .state : nil
        let bounds = try range.map(Self.parseRange)
        let timeout = Duration.milliseconds(Int64(timeout * 1000))
        let sourceConfig: SourceConfig
        switch source {
        case "prometheus":
            sourceConfig = .prometheus(
                PrometheusSourceConfig(baseURL: try need(url, "--url"), query: try need(query, "--query")))
        case "http-json":
            sourceConfig = .httpJSON(HTTPJSONSourceConfig(url: try need(url, "--url"), pointer: pointer ?? ""))
        case "nut":
            sourceConfig = .nut(
                NUTSourceConfig(
                    host: host, port: port, ups: try need(ups, "--ups"),
                    variable: try need(variable, "--variable")))
        case "file":
            sourceConfig = .file(FileSourceConfig(path: try need(path, "--path")))
        case "command":
            guard !arg.isEmpty else { throw ValidationError("--source command needs --arg (once per argv element)") }
            sourceConfig = .command(CommandSourceConfig(arguments: arg, shell: shell))
        default:
            throw ValidationError("unknown --source '\(source)': use prometheus, http-json, nut, file or command")
        }
        return SignalConfig(name: name, source: sourceConfig, kind: kind, timeout: timeout, validRange: bounds)
    }

    private func need(_ value: String?, _ option: String) throws -> String {
        guard let value, !value.isEmpty else { throw ValidationError("--source \(source ?? "") needs \(option)") }
        return value
    }

    private static func parseRange(_ text: String) throws -> ClosedRange<Double> {
        let parts = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, parts[0] <= parts[1] else {
            throw ValidationError("--range '\(text)' must be MIN,MAX with MIN <= MAX, e.g. 0,100")
        }
        return parts[0]...parts[1]
    }

    private static func iso(_ date: Date) -> String { CivilDay.iso8601(date) }
}

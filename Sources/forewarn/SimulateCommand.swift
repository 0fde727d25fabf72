import ArgumentParser
import Engine
import Forecast
import Foundation
import Plans

/// `forewarn simulate`: replays a period through the engine on a virtual clock and shows every notice.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Replay a period through the engine in virtual time and show every notice it would send.",
        discussion: """
            Signals come from --signal NAME=trace.csv (timestamp,value); a signal without a trace has no data, \
            so plans that need it alert their owner. Forecasters train on the samples seen so far (after 7 days \
            of history). Nothing is sent: a recording receiver keeps every notice, after the delivery policy stages \
            (consent as the recipients files record it, dedupe, frequency cap per audience, quiet hours in the \
            recipient's zone; urgent staff alerts bypass them).
            """)

    @OptionGroup var plans: PlanDirectoryOption

    @Option(help: "Start of the period (ISO 8601; UTC when naive).")
    var from: String

    @Option(help: "End of the period (ISO 8601; UTC when naive).")
    var to: String

    @Option(name: .customLong("signal"), help: "A trace for a signal: NAME=trace.csv (repeatable).")
    var signals: [String] = []

    @Option(help: "table (a timeline) or json.")
    var format: String = "table"

    @Option(help: "The virtual clock's step (default: the plans' policies.tick).")
    var tick: String?

    func run() throws {
        guard format == "table" || format == "json" else {
            throw ValidationError("unknown format '\(format)'; use table or json")
        }
        guard let start = Timestamp.parse(from) else { throw ValidationError("--from '\(from)' is not a timestamp") }
        guard let end = Timestamp.parse(to) else { throw ValidationError("--to '\(to)' is not a timestamp") }
        guard start <= end else { throw ValidationError("--from must not be after --to") }
        let result = PlanLoading.makeLoader().load(directory: plans.resolved)
        guard let planSet = result.planSet, !result.diagnostics.contains(where: { $0.severity == .error }) else {
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
            }
            FileHandle.standardError.write(
                Data("forewarn: error: the plans do not load; fix them first (forewarn check)\n".utf8))
            throw ExitCode.failure
        }
        let traces = try loadTraces(planSet: planSet)
        var settings = Simulator.Settings(tick: planSet.policies.tick.seconds)
        if let tick {
            guard let seconds = try? PlanDuration.parse(tick).seconds, seconds > 0 else {
                throw ValidationError("--tick '\(tick)' is not a positive duration (e.g. 30s, 5m)")
            }
            settings.tick = seconds
        }
        let days = end.timeIntervalSince(start) / 86_400
        guard end.timeIntervalSince(start) / settings.tick <= 20_000_000 else {
            throw ValidationError(
                "the period is \(Int(days)) days at one tick per \(settings.tick) s: too many ticks; use a longer --tick"
            )
        }
        var simulator: Simulator
        do {
            simulator = try Simulator(planSet: planSet, traces: traces, settings: settings)
        } catch {
            FileHandle.standardError.write(Data("forewarn: error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let outcome = simulator.run(from: start, to: end)
        var stages = SimulatedPolicies(planSet: planSet)
        let report = SimulationReport(
            planSet: planSet, outcome: outcome, from: start, to: end, tick: settings.tick,
            policies: stages.evaluate(outcome))
        print(format == "json" ? report.json() : report.table(), terminator: format == "json" ? "\n" : "")
    }

    /// Parses every `NAME=trace.csv`; errors name the option or the file and line.
    private func loadTraces(planSet: PlanSet) throws -> [String: [Forecast.Sample]] {
        var traces: [String: [Forecast.Sample]] = [:]
        for item in signals {
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
                throw ValidationError("--signal '\(item)': expected NAME=trace.csv")
            }
            let name = String(item[..<equals])
            let path = String(item[item.index(after: equals)...])
            guard planSet.signals[name] != nil else {
                let known = planSet.signals.keys.sorted().joined(separator: ", ")
                throw ValidationError("--signal '\(name)': no such signal in the plans (known: \(known))")
            }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                FileHandle.standardError.write(Data("forewarn: error: cannot read trace '\(path)'\n".utf8))
                throw ExitCode.failure
            }
            do {
                traces[name] = try SampleCSV.parse(text, file: path)
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode.failure
            }
        }
        return traces
    }
}

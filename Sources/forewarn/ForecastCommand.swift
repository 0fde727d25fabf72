import ArgumentParser
import Forecast
import Foundation
import Plans

/// `forewarn forecast`: replays a `timestamp,value` CSV causally and prints every forecast made.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Replay a trace causally and print the forecasts a plan would see.",
        discussion: """
            The model learns from the samples up to --train-until. At each origin (then every --every), \
            the origin being the time of the last sample seen, it prints one row \
            origin,target,forecast,lower,upper for every sample time in (origin, origin + --horizon], \
            and only then reads the samples up to the next origin.
            """)

    @Option(name: .customLong("csv"), help: "The trace: a timestamp,value CSV (ISO 8601 or 'YYYY-MM-DD HH:MM:SS' UTC).")
    var trace: String

    @Option(help: "The season length (e.g. 1d, 7d); detected from the training part when omitted.")
    var season: String?

    @Option(name: .customLong("train-until"), help: "Last instant of the training part (ISO 8601, UTC if naive).")
    var trainUntil: String

    @Option(help: "How far ahead each origin forecasts (e.g. 2h, 1d).")
    var horizon: String

    @Option(help: "Time between forecast origins (e.g. 30m, 1d).")
    var every: String

    @Option(help: "Output format; only csv.")
    var format: String = "csv"

    @Option(help: "Central probability of the interval, in (0, 1).")
    var confidence: Double = 0.8

    @Option(help: "combined, holt-winters or same-slot.")
    var model: String = "combined"

    @Option(name: .customLong("fit-seasons"), help: "Seasons of history the fit uses (the latest ones).")
    var fitSeasons: Int = 4

    func run() throws {
        guard format == "csv" else { throw ValidationError("unknown format '\(format)'; the only format is csv") }
        guard confidence > 0, confidence < 1 else { throw ValidationError("--confidence must lie in (0, 1)") }
        guard fitSeasons >= 1 else { throw ValidationError("--fit-seasons must be at least 1") }
        let kinds: [String: ModelKind] = ["combined": .combined, "holt-winters": .holtWinters, "same-slot": .sameSlot]
        guard let kind = kinds[model] else {
            throw ValidationError("unknown model '\(model)'; use combined, holt-winters or same-slot")
        }
        guard let trainEnd = Timestamp.parse(trainUntil) else {
            throw ValidationError("--train-until '\(trainUntil)' is not a timestamp (e.g. 2014-09-30T23:30:00Z)")
        }
        let horizonSeconds = try duration(horizon, option: "--horizon")
        let everySeconds = try duration(every, option: "--every")
        let seasonSeconds = try season.map { try duration($0, option: "--season") }
        let text: String
        do {
            text = try String(contentsOfFile: trace, encoding: .utf8)
        } catch {
            let message = "forewarn: error: cannot read '\(trace)': \(error.localizedDescription)\n"
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode.failure
        }
        let rows: [ReplayRow]
        do {
            let samples = try SampleCSV.parse(text, file: trace)
            let configuration = ForecastConfiguration(season: seasonSeconds, kind: kind, fitSeasons: fitSeasons)
            rows = try Replay.run(
                samples: samples, trainUntil: trainEnd, horizon: horizonSeconds, every: everySeconds,
                configuration: configuration, confidence: confidence)
        } catch let error as SampleCSV.ParseError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.failure
        } catch {
            FileHandle.standardError.write(Data("forewarn: error: \(trace): \(error)\n".utf8))
            throw ExitCode.failure
        }
        var output = "origin,target,forecast,lower,upper\n"
        for row in rows {
            output += "\(Timestamp.format(row.origin)),\(Timestamp.format(row.target)),"
            output += "\(row.forecast),\(row.lower),\(row.upper)\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// Parses a duration through the plan language's value syntax.
    private func duration(_ text: String, option: String) throws -> TimeInterval {
        do {
            let seconds = try PlanDuration.parse(text).seconds
            guard seconds > 0 else { throw ValidationError("\(option) must be a positive duration, got '\(text)'") }
            return seconds
        } catch let error as ValueSyntaxError {
            throw ValidationError("\(option): \(error)")
        }
    }
}

import ArgumentParser
import Plans
import Staffing

/// `forewarn staffing`: how many agents a contact volume needs to meet a service level (Erlang C, or A).
struct StaffingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staffing",
        abstract: "Compute the agents needed for a volume, handle time and service-level target (Erlang C or A).",
        discussion: """
            Example: forewarn staffing --volume 100 --per 30m --handle-time 180s --target "80% in 20s" --shrinkage 30%
            With --patience the model is Erlang A (callers hang up after that mean wait), otherwise Erlang C.
            Exit status: 0 answered, 1 no answer within the search bound, 2 usage.
            """)

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Contacts arriving in each period, e.g. 100.")
    var volume: Double

    @Option(help: "The period the volume arrives in, e.g. 30m or 1h.")
    var per: String

    @Option(name: .customLong("handle-time"), help: "The average handle time, e.g. 180s or 4m.")
    var handleTime: String

    @Option(help: "The service-level target, e.g. \"80% in 20s\".")
    var target: String

    @Option(help: "The share of paid time agents are unavailable, e.g. 30% (default 0%).")
    var shrinkage: String?

    @Option(name: .customLong("max-occupancy"), help: "The highest acceptable occupancy, e.g. 85% (default none).")
    var maxOccupancy: String?

    @Option(help: "The mean time callers wait before hanging up, e.g. 5m; selects Erlang A.")
    var patience: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func validate() throws {
        do {
            try makeRequest().validate()
        } catch let error as StaffingError where error.field != nil {
            throw ValidationError("\(Self.option(for: error.field)): \(error.message)")
        }
    }

    func run() throws {
        // Validated already; what can still fail is a target beyond the search bound (exit status 1).
        let result = try StaffingResult(for: try makeRequest())
        print(StaffingReport(result).rendered(as: format == .json ? .json : .text), terminator: "")
    }

    /// The request the options describe; a value that does not parse is a usage error naming its option.
    func makeRequest() throws -> StaffingRequest {
        let period = try Self.parse("--per", per, PlanDuration.parse).seconds
        let handleTime = try Self.parse("--handle-time", handleTime, PlanDuration.parse).seconds
        let target = try Self.parse("--target", target, Plans.ServiceLevelTarget.parse)
        let shrinkage = try shrinkage.map { try Self.parse("--shrinkage", $0, Percentage.parse).fraction } ?? 0
        let maximumOccupancy =
            try maxOccupancy.map { try Self.parse("--max-occupancy", $0, Percentage.parse).fraction } ?? 1
        let patience = try patience.map { try Self.parse("--patience", $0, PlanDuration.parse).seconds }
        return StaffingRequest(
            volume: volume, period: period, handleTime: handleTime,
            target: Staffing.ServiceLevelTarget(fraction: target.fraction, within: target.within.seconds),
            shrinkage: shrinkage, maximumOccupancy: maximumOccupancy, patience: patience)
    }

    /// Parses `text` with the plan-language `parser`, turning its error into a usage error naming `option`.
    private static func parse<Value>(
        _ option: String, _ text: String, _ parser: (String) throws(ValueSyntaxError) -> Value
    ) throws -> Value {
        do {
            return try parser(text)
        } catch {
            throw ValidationError("\(option): \(error.message)")
        }
    }

    /// The command-line option of a request field.
    private static func option(for field: StaffingRequest.Field?) -> String {
        switch field {
        case .volume: "--volume"
        case .period: "--per"
        case .handleTime: "--handle-time"
        case .target: "--target"
        case .shrinkage: "--shrinkage"
        case .maximumOccupancy: "--max-occupancy"
        case .patience: "--patience"
        case .searchLimit, nil: "forewarn staffing"
        }
    }
}

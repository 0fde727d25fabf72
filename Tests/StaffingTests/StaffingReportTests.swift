import Foundation
import Testing

@testable import Staffing

/// The report the `forewarn staffing` command prints, in text and JSON.
@Suite struct StaffingReportTests {
    static func workedExample(patience: Double? = nil, maximumOccupancy: Double = 1) throws -> StaffingResult {
        try StaffingResult(
            for: StaffingRequest(
                volume: 100, period: 1_800, handleTime: 180, target: ServiceLevelTarget(fraction: 0.8, within: 20),
                shrinkage: 0.3, maximumOccupancy: maximumOccupancy, patience: patience))
    }

    /// The value printed after `label:` in the text report.
    static func value(of label: String, in text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix(label + ":") }
            .map { $0.dropFirst(label.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    @Test func textReportShowsEveryMeasure() throws {
        let result = try Self.workedExample()
        let text = StaffingReport(result).rendered(as: .text)
        #expect(text.hasSuffix("\n"))
        #expect(Self.value(of: "model", in: text) == "Erlang C")
        #expect(Self.value(of: "required agents", in: text) == "\(result.requiredAgents)")
        #expect(Self.value(of: "scheduled agents", in: text) == "\(result.scheduledAgents) (30% shrinkage)")
        #expect(
            Self.value(of: "service level", in: text)
                == "\(StaffingReport.percent(result.serviceLevel)) in 20s (target 80%)")
        #expect(
            Self.value(of: "probability of waiting", in: text) == StaffingReport.percent(result.probabilityOfWaiting))
        #expect(
            Self.value(of: "average speed of answer", in: text) == StaffingReport.seconds(result.averageSpeedOfAnswer))
        #expect(Self.value(of: "occupancy", in: text) == StaffingReport.percent(result.occupancy))
        #expect(Self.value(of: "probability of abandonment", in: text) == nil)
        let columns = Set(
            text.split(separator: "\n").map { line in
                let colon = line.firstIndex(of: ":")!
                return line.distance(from: line.startIndex, to: colon)
                    + line[colon...].dropFirst().prefix { $0 == " " }.count
            })
        #expect(columns.count == 1, "values start in one aligned column")
    }

    @Test func textReportOfErlangANamesThePatienceAndAbandonment() throws {
        let result = try Self.workedExample(patience: 300, maximumOccupancy: 0.85)
        let text = StaffingReport(result).text
        #expect(Self.value(of: "model", in: text) == "Erlang A (patience 300s)")
        let abandonment = try #require(result.probabilityOfAbandonment)
        #expect(Self.value(of: "probability of abandonment", in: text) == StaffingReport.percent(abandonment))
        #expect(Self.value(of: "occupancy", in: text)?.hasSuffix("(at most 85%)") == true)
    }

    /// The JSON report's shape, decoded strictly (JSONDecoder parses doubles exactly).
    struct Decoded: Decodable {
        struct Target: Decodable {
            let fraction: Double
            let withinSeconds: Double
        }

        let model: String
        let trafficErlangs: Double
        let requiredAgents: Int
        let scheduledAgents: Int
        let serviceLevel: Double
        let probabilityOfWaiting: Double
        let averageSpeedOfAnswerSeconds: Double
        let occupancy: Double
        let probabilityOfAbandonment: Double?
        let target: Target
        let shrinkage: Double
        let maximumOccupancy: Double
        let patienceSeconds: Double?
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    @Test func jsonReportRoundTripsEveryValueAtFullPrecision() throws {
        let result = try Self.workedExample(patience: 300)
        let json = StaffingReport(result).rendered(as: .json)
        let decoded = try Self.decoder.decode(Decoded.self, from: Data(json.utf8))
        #expect(decoded.model == "erlang_a")
        #expect(decoded.requiredAgents == result.requiredAgents)
        #expect(decoded.scheduledAgents == result.scheduledAgents)
        #expect(decoded.trafficErlangs == result.trafficErlangs)
        #expect(decoded.serviceLevel == result.serviceLevel)
        #expect(decoded.probabilityOfWaiting == result.probabilityOfWaiting)
        #expect(decoded.averageSpeedOfAnswerSeconds == result.averageSpeedOfAnswer)
        #expect(decoded.occupancy == result.occupancy)
        #expect(decoded.probabilityOfAbandonment == result.probabilityOfAbandonment)
        #expect(decoded.patienceSeconds == 300)
        #expect(decoded.shrinkage == 0.3)
        #expect(decoded.maximumOccupancy == 1)
        #expect(decoded.target.fraction == 0.8 && decoded.target.withinSeconds == 20)
    }

    @Test func jsonReportOfErlangCOmitsAbandonment() throws {
        let json = StaffingReport(try Self.workedExample()).json
        let decoded = try Self.decoder.decode(Decoded.self, from: Data(json.utf8))
        #expect(decoded.model == "erlang_c")
        #expect(decoded.probabilityOfAbandonment == nil)
        #expect(decoded.patienceSeconds == nil)
        #expect(!json.contains("probability_of_abandonment"))
    }

    @Test(arguments: [(0.3, "30%"), (0.8883500191794669, "88.8%"), (1, "100%"), (0.125, "12.5%")])
    func percentagesReadNaturally(fraction: Double, expected: String) {
        #expect(StaffingReport.percent(fraction) == expected)
    }

    @Test func targetDescribesItself() {
        #expect(ServiceLevelTarget(fraction: 0.8, within: 20).description == "80% in 20s")
    }
}

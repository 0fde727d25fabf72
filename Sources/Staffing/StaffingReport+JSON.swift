import Foundation

extension StaffingReport {
    /// The JSON form: one object with snake_case keys, sorted, full-precision numbers; times in seconds.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        // Every number is finite: the search only returns stable queues, so the ASA is finite.
        guard let data = try? encoder.encode(Document(result)), let text = String(data: data, encoding: .utf8) else {
            return "{}\n"
        }
        return text + "\n"
    }

    /// The encoded shape of a report.
    private struct Document: Encodable {
        struct Target: Encodable {
            let fraction: Double
            let withinSeconds: Double

            enum CodingKeys: String, CodingKey {
                case fraction
                case withinSeconds = "within_seconds"
            }
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

        init(_ result: StaffingResult) {
            let request = result.request
            model = result.model == .erlangA ? "erlang_a" : "erlang_c"
            trafficErlangs = result.trafficErlangs
            requiredAgents = result.requiredAgents
            scheduledAgents = result.scheduledAgents
            serviceLevel = result.serviceLevel
            probabilityOfWaiting = result.probabilityOfWaiting
            averageSpeedOfAnswerSeconds = result.averageSpeedOfAnswer
            occupancy = result.occupancy
            probabilityOfAbandonment = result.probabilityOfAbandonment
            target = Target(fraction: request.target.fraction, withinSeconds: request.target.within)
            shrinkage = request.shrinkage
            maximumOccupancy = request.maximumOccupancy
            patienceSeconds = request.patience
        }

        enum CodingKeys: String, CodingKey {
            case model, occupancy, target, shrinkage
            case trafficErlangs = "traffic_erlangs", requiredAgents = "required_agents"
            case scheduledAgents = "scheduled_agents", serviceLevel = "service_level"
            case probabilityOfWaiting = "probability_of_waiting"
            case averageSpeedOfAnswerSeconds = "average_speed_of_answer_seconds"
            case probabilityOfAbandonment = "probability_of_abandonment"
            case maximumOccupancy = "maximum_occupancy", patienceSeconds = "patience_seconds"
        }
    }
}

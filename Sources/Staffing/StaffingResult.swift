import Foundation

/// Which queueing model answered a staffing request.
public enum StaffingModel: String, Hashable, Sendable, Codable {
    /// Erlang C: contacts wait as long as it takes.
    case erlangC
    /// Erlang A: waiting contacts hang up after an exponential patience.
    case erlangA
}

/// The answer to a `StaffingRequest`: the agents needed and how the queue performs with them.
public struct StaffingResult: Hashable, Sendable {
    /// The request this answers.
    public let request: StaffingRequest
    /// The model used: Erlang A when the request has a patience, Erlang C otherwise.
    public let model: StaffingModel
    /// The offered load in Erlangs.
    public let trafficErlangs: Double
    /// The fewest agents on the phones that meet the target and the occupancy cap.
    public let requiredAgents: Int
    /// The agents to schedule so that `requiredAgents` remain after shrinkage.
    public let scheduledAgents: Int
    /// How the queue performs with `requiredAgents`.
    public let measures: QueueMeasures

    /// The fraction of contacts answered within the target time, with `requiredAgents`.
    public var serviceLevel: Double { measures.serviceLevel }
    /// The fraction of contacts that wait, with `requiredAgents`.
    public var probabilityOfWaiting: Double { measures.probabilityOfWaiting }
    /// The average speed of answer in seconds, with `requiredAgents`.
    public var averageSpeedOfAnswer: Double { measures.averageSpeedOfAnswer }
    /// The occupancy of the `requiredAgents`.
    public var occupancy: Double { measures.occupancy }
    /// The fraction of contacts that hang up (Erlang A), or `nil` under Erlang C.
    public var probabilityOfAbandonment: Double? { model == .erlangA ? measures.probabilityOfAbandonment : nil }

    /// Answers `request`: validates it, finds the fewest agents and the agents to schedule.
    public init(for request: StaffingRequest) throws(StaffingError) {
        try request.validate()
        let traffic = request.traffic
        if let patience = request.patience {
            let erlangA = try ErlangA(traffic: traffic, handleTime: request.handleTime, patience: patience)
            model = .erlangA
            measures = try erlangA.minimumStaffing(
                meeting: request.target, maximumOccupancy: request.maximumOccupancy, searchLimit: request.searchLimit)
        } else {
            model = .erlangC
            measures = try ErlangC(traffic: traffic, handleTime: request.handleTime).minimumStaffing(
                meeting: request.target, maximumOccupancy: request.maximumOccupancy, searchLimit: request.searchLimit)
        }
        self.request = request
        trafficErlangs = traffic
        requiredAgents = measures.agents
        scheduledAgents = try Self.scheduledAgents(required: measures.agents, shrinkage: request.shrinkage)
    }

    /// `ceil(required / (1 − shrinkage))`, where a quotient within 1e-9 of a whole number counts as whole
    /// (so 7 agents at 30 % shrinkage schedule 10, not 11 through binary rounding of 0.7).
    public static func scheduledAgents(required: Int, shrinkage: Double) throws(StaffingError) -> Int {
        guard shrinkage >= 0, shrinkage < 1 else {
            throw StaffingError.invalidShrinkage.with(
                "the shrinkage must be at least 0% and below 100% (got \(StaffingReport.percent(shrinkage)))")
        }
        let exact = Double(required) / (1 - shrinkage)
        let nearest = exact.rounded()
        return Int(abs(exact - nearest) <= 1e-9 * max(1, exact) ? nearest : exact.rounded(.up))
    }
}

/// Erlang C staffing: the fewest agents that meet a service-level target.
extension ErlangC {
    /// The default upper bound of a staffing search, in agents.
    public static let defaultSearchLimit = 100_000

    /// The measures of the fewest agents (at most `searchLimit`) whose service level meets `target` with an
    /// occupancy of at most `maximumOccupancy`.
    ///
    /// Walks the Erlang B recursion upwards once, so the work is linear in the answer and bounded by
    /// `searchLimit`; throws `StaffingError.unreachableTarget` beyond it.
    public func minimumStaffing(
        meeting target: ServiceLevelTarget, maximumOccupancy: Double = 1, searchLimit: Int = defaultSearchLimit
    ) throws(StaffingError) -> QueueMeasures {
        try target.validate()
        try Self.validate(maximumOccupancy: maximumOccupancy, searchLimit: searchLimit)
        var blocking = 1.0
        for agents in 1...searchLimit {
            blocking = ErlangB.step(blocking, to: agents, traffic: traffic)
            guard Double(agents) > traffic else { continue }
            let measures = measures(agents: agents, blocking: blocking, within: target.within)
            if measures.meets(target, maximumOccupancy: maximumOccupancy) { return measures }
        }
        throw StaffingError.unreachableTarget.with(
            "no number of agents up to \(searchLimit) meets \(target) with an occupancy of at most "
                + "\(StaffingReport.percent(maximumOccupancy)) for \(traffic.plain) Erlangs; "
                + "lower the target or raise the search limit")
    }

    /// The fewest agents that meet `target` with an occupancy of at most `maximumOccupancy`.
    public func requiredAgents(
        meeting target: ServiceLevelTarget, maximumOccupancy: Double = 1, searchLimit: Int = defaultSearchLimit
    ) throws(StaffingError) -> Int {
        try minimumStaffing(meeting: target, maximumOccupancy: maximumOccupancy, searchLimit: searchLimit).agents
    }

    /// Throws unless the occupancy cap is in (0, 1] and the search limit is at least one agent.
    static func validate(maximumOccupancy: Double, searchLimit: Int) throws(StaffingError) {
        guard maximumOccupancy > 0, maximumOccupancy <= 1 else {
            throw StaffingError.invalidMaximumOccupancy.with(
                "the maximum occupancy must be above 0% and at most 100% (got \(StaffingReport.percent(maximumOccupancy)))"
            )
        }
        guard searchLimit >= 1 else {
            throw StaffingError.invalidAgents.with("the search limit must be at least 1 agent (got \(searchLimit))")
        }
    }
}

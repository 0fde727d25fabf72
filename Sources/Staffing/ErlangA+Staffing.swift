/// Erlang A staffing: the fewest agents that meet a service-level target when contacts may hang up.
extension ErlangA {
    /// The measures of the fewest agents (at most `searchLimit`) whose service level meets `target` with an
    /// occupancy of at most `maximumOccupancy`.
    ///
    /// Service level rises and occupancy falls with agents, so the answer is found by doubling then bisecting:
    /// about 2·log2(answer) evaluations; throws `StaffingError.unreachableTarget` beyond `searchLimit`.
    public func minimumStaffing(
        meeting target: ServiceLevelTarget, maximumOccupancy: Double = 1,
        searchLimit: Int = ErlangC.defaultSearchLimit
    ) throws(StaffingError) -> QueueMeasures {
        try target.validate()
        try ErlangC.validate(maximumOccupancy: maximumOccupancy, searchLimit: searchLimit)
        let evaluate = { (agents: Int) in measures(agents: agents, within: target.within) }
        var failing = 0
        var candidate = 1
        var found = evaluate(candidate)
        while !found.meets(target, maximumOccupancy: maximumOccupancy) {
            guard candidate < searchLimit else {
                throw StaffingError.unreachableTarget.with(
                    "no number of agents up to \(searchLimit) meets \(target) with an occupancy of at most "
                        + "\(StaffingReport.percent(maximumOccupancy)) for \(traffic.plain) Erlangs under Erlang A; "
                        + "lower the target or raise the search limit")
            }
            failing = candidate
            candidate = min(searchLimit, candidate * 2)
            found = evaluate(candidate)
        }
        while candidate - failing > 1 {
            let middle = failing + (candidate - failing) / 2
            let measures = evaluate(middle)
            if measures.meets(target, maximumOccupancy: maximumOccupancy) {
                candidate = middle
                found = measures
            } else {
                failing = middle
            }
        }
        return found
    }

    /// The fewest agents that meet `target` with an occupancy of at most `maximumOccupancy`.
    public func requiredAgents(
        meeting target: ServiceLevelTarget, maximumOccupancy: Double = 1,
        searchLimit: Int = ErlangC.defaultSearchLimit
    ) throws(StaffingError) -> Int {
        try minimumStaffing(meeting: target, maximumOccupancy: maximumOccupancy, searchLimit: searchLimit).agents
    }
}

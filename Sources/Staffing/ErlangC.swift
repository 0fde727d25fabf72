import Foundation

/// Erlang C: an M/M/N queue where every contact waits as long as it takes (no abandonment).
///
/// `traffic` is the offered load in Erlangs (arrival rate × handle time); `handleTime` is the average handle
/// time in seconds, which sets the time scale of waits. Every measure derives from Erlang B, so it stays
/// finite and in range for thousands of agents.
public struct ErlangC: Hashable, Sendable {
    /// The offered load in Erlangs.
    public let traffic: Double
    /// The average handle time in seconds.
    public let handleTime: Double

    /// Creates the model; throws if the traffic or the handle time is not positive and finite.
    public init(traffic: Double, handleTime: Double) throws(StaffingError) {
        guard traffic.isFinite, traffic > 0 else {
            throw StaffingError.invalidTraffic.with(
                "the traffic must be a positive number of Erlangs (got \(traffic.plain))")
        }
        guard handleTime.isFinite, handleTime > 0 else {
            throw StaffingError.invalidHandleTime.with(
                "the handle time must be a positive number of seconds (got \(handleTime.plain))")
        }
        self.traffic = traffic
        self.handleTime = handleTime
    }

    /// The probability that a contact waits (Erlang C formula); 1 when `agents <= traffic`.
    public func probabilityOfWaiting(agents: Int) -> Double {
        probabilityOfWaiting(agents: agents, blocking: ErlangB.blockingProbability(servers: agents, traffic: traffic))
    }

    /// The fraction of contacts answered within `within` seconds: `1 − P(wait)·exp(−(N − A)·t / AHT)`.
    public func serviceLevel(agents: Int, within: Double) -> Double {
        measures(agents: agents, within: within).serviceLevel
    }

    /// The average speed of answer in seconds: `P(wait)·AHT / (N − A)`; infinite when `agents <= traffic`.
    public func averageSpeedOfAnswer(agents: Int) -> Double {
        measures(agents: agents, within: 0).averageSpeedOfAnswer
    }

    /// The occupancy `A / N`, at most 1.
    public func occupancy(agents: Int) -> Double {
        agents > 0 ? min(1, traffic / Double(agents)) : 1
    }

    /// Every measure for `agents` agents, the service level taken within `within` seconds.
    public func measures(agents: Int, within: Double) -> QueueMeasures {
        measures(
            agents: agents, blocking: ErlangB.blockingProbability(servers: agents, traffic: traffic), within: within)
    }

    /// The measures from an Erlang B value already computed for `agents`.
    func measures(agents: Int, blocking: Double, within: Double) -> QueueMeasures {
        let waiting = probabilityOfWaiting(agents: agents, blocking: blocking)
        let spare = Double(agents) - traffic
        guard spare > 0 else {
            return QueueMeasures(
                agents: agents, probabilityOfWaiting: 1, serviceLevel: 0, averageSpeedOfAnswer: .infinity,
                occupancy: 1, probabilityOfAbandonment: 0)
        }
        let late = waiting * exp(-spare * within / handleTime)
        return QueueMeasures(
            agents: agents, probabilityOfWaiting: waiting, serviceLevel: (1 - late).clampedToUnitInterval,
            averageSpeedOfAnswer: waiting * handleTime / spare, occupancy: occupancy(agents: agents),
            probabilityOfAbandonment: 0)
    }

    /// `P(wait) = N·B / (N − A·(1 − B))` for a stable queue, 1 otherwise.
    func probabilityOfWaiting(agents: Int, blocking: Double) -> Double {
        let servers = Double(agents)
        guard servers > traffic else { return 1 }
        return (servers * blocking / (servers - traffic * (1 - blocking))).clampedToUnitInterval
    }
}

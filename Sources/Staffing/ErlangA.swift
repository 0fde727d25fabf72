import Foundation

/// Erlang A: an M/M/N+M queue where waiting contacts hang up after an exponential patience.
///
/// The stationary distribution of the birth–death chain is summed exactly (see `docs/staffing.md`): the
/// states up to `N` through Erlang B, the queue states as a series in log space. Work per evaluation is
/// linear in `agents` plus the queue series, which is bounded by `maximumQueueWork`.
public struct ErlangA: Hashable, Sendable {
    /// The offered load in Erlangs.
    public let traffic: Double
    /// The average handle time in seconds.
    public let handleTime: Double
    /// The mean patience (time a waiting contact is willing to wait) in seconds.
    public let patience: Double

    /// The largest `traffic × patience / handleTime` accepted: the queue series needs about that many terms.
    public static let maximumQueueWork = 10_000_000.0

    /// Creates the model; throws if an input is not positive and finite, or the queue series would be too long.
    public init(traffic: Double, handleTime: Double, patience: Double) throws(StaffingError) {
        let base = try ErlangC(traffic: traffic, handleTime: handleTime)
        guard patience.isFinite, patience > 0 else {
            throw StaffingError.invalidPatience.with(
                "the patience must be a positive number of seconds (got \(patience.plain))")
        }
        let work = traffic * patience / handleTime
        guard work <= Self.maximumQueueWork else {
            throw StaffingError.tooMuchWork.with(
                "Erlang A with \(traffic.plain) Erlangs and a patience \((patience / handleTime).plain) times the handle time "
                    + "needs about \(Int(work)) terms (limit \(Int(Self.maximumQueueWork))); "
                    + "omit the patience to use Erlang C, which is the limit of long patience")
        }
        self.traffic = base.traffic
        self.handleTime = base.handleTime
        self.patience = patience
    }

    /// The probability that a contact finds every agent busy and waits.
    public func probabilityOfWaiting(agents: Int) -> Double { measures(agents: agents, within: 0).probabilityOfWaiting }

    /// The probability that a contact hangs up before an answer.
    public func probabilityOfAbandonment(agents: Int) -> Double {
        measures(agents: agents, within: 0).probabilityOfAbandonment
    }

    /// The fraction of all contacts answered within `within` seconds (abandoned contacts count as not answered).
    public func serviceLevel(agents: Int, within: Double) -> Double {
        measures(agents: agents, within: within).serviceLevel
    }

    /// The mean time in queue in seconds over all contacts, abandoned ones included.
    public func averageSpeedOfAnswer(agents: Int) -> Double { measures(agents: agents, within: 0).averageSpeedOfAnswer }

    /// The fraction of agent time spent handling answered contacts: `A·(1 − P(abandon)) / N`.
    public func occupancy(agents: Int) -> Double { measures(agents: agents, within: 0).occupancy }

    /// Every measure for `agents` agents, the service level taken within `within` seconds.
    public func measures(agents: Int, within: Double) -> QueueMeasures {
        guard agents >= 1 else {
            return QueueMeasures(
                agents: agents, probabilityOfWaiting: 1, serviceLevel: 0, averageSpeedOfAnswer: patience,
                occupancy: 1, probabilityOfAbandonment: 1)
        }
        let chain = QueueStates(agents: agents, model: self)
        let waiting = exp(chain.logProbabilityAllBusy + chain.queue.logSum).clampedToUnitInterval
        let abandonment = exp(chain.logProbabilityAllBusy + chain.queue.logWeightedSum - log(chain.scaledTraffic))
            .clampedToUnitInterval
        let late = within > 0 ? chain.probabilityOfLateAnswer(within: within / handleTime) : waiting - abandonment
        return QueueMeasures(
            agents: agents, probabilityOfWaiting: waiting,
            serviceLevel: (1 - abandonment - late).clampedToUnitInterval,
            averageSpeedOfAnswer: abandonment * patience,
            occupancy: min(1, traffic * (1 - abandonment) / Double(agents)),
            probabilityOfAbandonment: abandonment)
    }
}

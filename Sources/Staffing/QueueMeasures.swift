/// How a queue performs with a given number of agents: what Erlang C and Erlang A compute.
public struct QueueMeasures: Hashable, Sendable {
    /// The number of agents these measures are for.
    public let agents: Int
    /// The fraction of contacts that must wait (all agents busy on arrival), in [0, 1].
    public let probabilityOfWaiting: Double
    /// The fraction of all contacts answered within the target time, in [0, 1].
    public let serviceLevel: Double
    /// The mean wait in seconds over all contacts, those answered at once included.
    ///
    /// Erlang C: the classic ASA (infinite when `agents <= traffic`). Erlang A: the mean time in queue of all
    /// arrivals, abandoned contacts included (= probability of abandonment × mean patience).
    public let averageSpeedOfAnswer: Double
    /// The fraction of agent time spent handling contacts, in [0, 1].
    public let occupancy: Double
    /// The fraction of contacts that hang up before an answer; 0 under Erlang C.
    public let probabilityOfAbandonment: Double

    /// Creates measures from their values.
    public init(
        agents: Int, probabilityOfWaiting: Double, serviceLevel: Double, averageSpeedOfAnswer: Double,
        occupancy: Double, probabilityOfAbandonment: Double
    ) {
        self.agents = agents
        self.probabilityOfWaiting = probabilityOfWaiting
        self.serviceLevel = serviceLevel
        self.averageSpeedOfAnswer = averageSpeedOfAnswer
        self.occupancy = occupancy
        self.probabilityOfAbandonment = probabilityOfAbandonment
    }

    /// Whether these measures meet `target` with an occupancy of at most `maximumOccupancy`.
    public func meets(_ target: ServiceLevelTarget, maximumOccupancy: Double) -> Bool {
        serviceLevel >= target.fraction && occupancy <= maximumOccupancy
    }
}

extension Double {
    /// The value clamped to [0, 1] (rounding can push a probability a hair outside).
    var clampedToUnitInterval: Double { Swift.min(1, Swift.max(0, self)) }

    /// The value as a person writes it in a message: `100`, `0.5`, `1e+12` (no trailing `.0`).
    var plain: String {
        abs(self) < 1e15 && self == rounded() ? String(Int(self)) : "\(self)"
    }
}

import Foundation

/// The pure state of one signal: last good sample, current problem streak and counters; decides health.
public struct SignalStatus: Sendable, Hashable {
    /// What a recorded outcome changed, so the shell can log once per streak.
    public enum Change: Sendable, Hashable {
        /// A problem streak began (the signal was fine, or had a different problem, before).
        case problemStarted(SignalProblem)
        /// A good sample ended a streak of `count` problems.
        case recovered(afterProblems: Int)
    }

    /// When the signal was registered (staleness counts from here until the first good sample).
    public let registeredAt: Date
    /// The time without a good sample after which the signal is stale.
    public let staleAfter: Duration
    /// The last accepted sample.
    public private(set) var lastGood: Sample?
    /// The problem of the last outcome; nil when it was good.
    public private(set) var currentProblem: SignalProblem?
    /// How many problems in a row (any reason) since the last good sample.
    public private(set) var consecutiveProblems = 0
    /// Counts by outcome.
    public private(set) var counters = SignalCounters()

    /// Creates the state of a signal registered at `registeredAt`.
    public init(registeredAt: Date, staleAfter: Duration) {
        self.registeredAt = registeredAt
        self.staleAfter = staleAfter
    }

    /// Records one outcome; returns a change when a streak starts, switches reason, or ends.
    @discardableResult
    public mutating func record(_ outcome: PollOutcome) -> Change? {
        counters.count(outcome)
        switch outcome {
        case .accepted(let sample):
            if lastGood.map({ sample.time >= $0.time }) ?? true { lastGood = sample }
            let ended = consecutiveProblems
            currentProblem = nil
            consecutiveProblems = 0
            return ended > 0 ? .recovered(afterProblems: ended) : nil
        case .rejected, .failed:
            let problem = outcome.problem!
            let isNewStreak = currentProblem?.streakKey != problem.streakKey
            currentProblem = problem
            consecutiveProblems += 1
            return isNewStreak ? .problemStarted(problem) : nil
        }
    }

    /// The health at `now`: stale beats unhealthy, which beats healthy.
    public func health(at now: Date) -> SignalHealth {
        let reference = lastGood?.time ?? registeredAt
        let staleFrom = reference.addingTimeInterval(staleAfter.timeInterval)
        if now >= staleFrom { return .stale(since: staleFrom) }
        if let problem = currentProblem { return .unhealthy(reason: problem) }
        if lastGood == nil { return .unhealthy(reason: .noSampleYet) }
        return .healthy
    }
}

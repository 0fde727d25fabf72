import Foundation
import Signals

/// Where the engine reads signal health and latest values; `SignalMonitor` satisfies it.
public protocol SignalFeed: Sendable {
    /// The health of `name` at `now`.
    func health(of name: String, at now: Date) async -> SignalHealth
    /// The latest good sample of `name`, if any.
    func latestSample(of name: String) async -> Signals.Sample?
}

extension SignalMonitor: SignalFeed {
    /// The last good sample the monitor has seen.
    public func latestSample(of name: String) async -> Signals.Sample? { status(of: name)?.lastGood }
}

/// The signals' state at one instant, read once per tick so the engine itself stays synchronous and pure.
public struct SignalSnapshot: Sendable {
    /// Health per signal; a signal not listed is unhealthy.
    public var health: [String: SignalHealth]
    /// The latest good sample per signal.
    public var latest: [String: Signals.Sample]

    /// Creates a snapshot.
    public init(health: [String: SignalHealth] = [:], latest: [String: Signals.Sample] = [:]) {
        self.health = health
        self.latest = latest
    }

    /// Reads `names` from `feed` at `now`.
    public static func capture(from feed: some SignalFeed, names: some Sequence<String>, at now: Date) async
        -> SignalSnapshot
    {
        var snapshot = SignalSnapshot()
        for name in names {
            snapshot.health[name] = await feed.health(of: name, at: now)
            snapshot.latest[name] = await feed.latestSample(of: name)
        }
        return snapshot
    }

    /// Whether `name` is healthy.
    public func isHealthy(_ name: String) -> Bool { health[name] == .healthy }

    /// The latest numeric value of `name`.
    public func number(_ name: String) -> Double? { latest[name]?.value.number }
}

/// A feed over samples held in memory (simulate, tests): healthy while the latest sample is younger than the
/// signal's `staleAfter`, stale after, unhealthy before any sample.
public struct InMemorySignalFeed: SignalFeed {
    /// Samples per signal, in time order.
    public var samples: [String: [Signals.Sample]]
    /// How long a sample stays fresh, per signal.
    public var staleAfter: [String: TimeInterval]

    /// Creates a feed.
    public init(samples: [String: [Signals.Sample]] = [:], staleAfter: [String: TimeInterval] = [:]) {
        self.samples = samples
        self.staleAfter = staleAfter
    }

    public func health(of name: String, at now: Date) -> SignalHealth {
        guard let last = latest(of: name, at: now) else { return .unhealthy(reason: .unknownSignal(name)) }
        let limit = staleAfter[name] ?? 90
        return now.timeIntervalSince(last.time) > limit ? .stale(since: last.time.addingTimeInterval(limit)) : .healthy
    }

    public func latestSample(of name: String) -> Signals.Sample? { samples[name]?.last }

    /// The latest sample at or before `now`.
    public func latest(of name: String, at now: Date) -> Signals.Sample? {
        guard let list = samples[name], !list.isEmpty else { return nil }
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].time <= now { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : list[low - 1]
    }

    /// The snapshot at `now` of `names` (synchronous: the feed is in memory).
    public func snapshot(names: some Sequence<String>, at now: Date) -> SignalSnapshot {
        var snapshot = SignalSnapshot()
        for name in names {
            snapshot.health[name] = health(of: name, at: now)
            if let sample = latest(of: name, at: now) { snapshot.latest[name] = sample }
        }
        return snapshot
    }
}

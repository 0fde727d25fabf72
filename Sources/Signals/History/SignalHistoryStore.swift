import Foundation

/// Where accepted samples are kept, per signal and bounded: in memory now, SQLite later.
public protocol SignalHistoryStore: Sendable {
    /// Keeps at most `capacity` samples of `signal` from now on.
    func setCapacity(_ capacity: Int, for signal: String) async throws
    /// Appends an accepted sample (samples of one signal arrive in time order).
    func append(_ sample: Sample, to signal: String) async throws
    /// The samples of `signal` at or after `start` (all when nil), oldest first.
    func samples(of signal: String, since start: Date?) async throws -> [Sample]
    /// The newest sample of `signal`.
    func latest(of signal: String) async throws -> Sample?
}

/// A `SignalHistoryStore` keeping one `SampleRing` per signal in memory.
public actor InMemorySignalHistoryStore: SignalHistoryStore {
    private var rings: [String: SampleRing] = [:]
    private let defaultCapacity: Int

    /// Creates a store whose signals hold `defaultCapacity` samples unless told otherwise.
    public init(defaultCapacity: Int = 40_320) {
        self.defaultCapacity = defaultCapacity
    }

    /// Sets the capacity of `signal`, keeping its newest samples.
    public func setCapacity(_ capacity: Int, for signal: String) {
        if rings[signal]?.capacity == max(1, capacity) { return }
        var ring = SampleRing(capacity: capacity)
        for sample in rings[signal]?.samples ?? [] { ring.append(sample) }
        rings[signal] = ring
    }

    /// Appends a sample to the ring of `signal`.
    public func append(_ sample: Sample, to signal: String) {
        rings[signal, default: SampleRing(capacity: defaultCapacity)].append(sample)
    }

    /// The samples of `signal` at or after `start`, oldest first.
    public func samples(of signal: String, since start: Date?) -> [Sample] {
        guard let ring = rings[signal] else { return [] }
        return start.map { ring.samples(since: $0) } ?? ring.samples
    }

    /// The newest sample of `signal`.
    public func latest(of signal: String) -> Sample? {
        rings[signal]?.last
    }
}

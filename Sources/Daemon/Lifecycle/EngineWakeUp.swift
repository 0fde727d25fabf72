import Synchronization

/// Wakes the main loop early: `fire()` when a signal got a new sample (the engine evaluates now), `ring()` to
/// make the loop look at its state (a timer, a shutdown). Wake-ups coalesce; only the main loop listens.
public final class EngineWakeUp: Sendable {
    private let sampled = Mutex(false)
    let wakes: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    /// Creates a wake-up nobody has fired.
    public init() {
        (wakes, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// A signal got a new sample: the next loop pass runs the engine.
    public func fire() {
        sampled.withLock { $0 = true }
        continuation.yield()
    }

    /// Wakes the loop without asking for an engine pass.
    func ring() { continuation.yield() }

    /// Whether `fire()` was called since the last call of this method (and resets it).
    func consumeSample() -> Bool {
        sampled.withLock { value in
            defer { value = false }
            return value
        }
    }
}

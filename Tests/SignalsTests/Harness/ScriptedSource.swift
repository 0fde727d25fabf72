import Foundation
import Signals

/// A source that replays scripted results and records when it was read (by the virtual clock).
final class ScriptedSource: SignalSource, @unchecked Sendable {
    private let lock = NSLock()
    private var script: [Result<RawReading, SignalReadError>]
    private var times: [Date] = []
    private let clock: VirtualClock
    private let duration: TimeInterval

    /// Replays `script` (the last entry repeats); each read takes `duration` seconds of virtual time.
    init(_ script: [Result<RawReading, SignalReadError>], clock: VirtualClock, duration: TimeInterval = 0) {
        self.script = script
        self.clock = clock
        self.duration = duration
    }

    /// The virtual instants at which reads started.
    var readTimes: [Date] { lock.withLock { times } }

    func read(timeout: Duration) async -> Result<RawReading, SignalReadError> {
        let result: Result<RawReading, SignalReadError> = lock.withLock {
            times.append(clock.now)
            return script.count > 1 ? script.removeFirst() : script[0]
        }
        clock.advance(by: duration)
        return result
    }
}

import Foundation

/// Something that reads one raw value of a signal: the I/O shell around each source kind.
public protocol SignalSource: Sendable {
    /// Reads once, giving up after `timeout`; never throws, never hangs past the timeout.
    func read(timeout: Duration) async -> Result<RawReading, SignalReadError>
}

/// Runs blocking I/O on a Dispatch thread so it never blocks the cooperative pool.
enum BlockingIO {
    /// Runs `work` on a global queue and returns its result.
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}

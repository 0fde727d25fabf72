import Foundation

/// What became of a batch of pushed values.
public struct PushReport: Sendable, Hashable {
    /// Values accepted into the history.
    public var accepted: Int
    /// Values rejected as bad samples, in batch order.
    public var rejected: [BadSample]
    /// Values not after the last accepted sample (duplicates of a retried push, or out of order), ignored.
    public var ignored: Int
}

/// A push to a signal that cannot take one.
public struct PushError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. `signal 'x' is polled from nut; only push signals accept values`.
    public var message: String
    /// The message.
    public var description: String { message }
}

extension SignalMonitor {
    /// The push entry point the HTTP API calls: validates each value (a reading without a timestamp is
    /// stamped `now`), records the good ones in time order and reports the rest.
    public func accept(samples readings: [RawReading], for name: String, at now: Date) async throws(PushError)
        -> PushReport
    {
        guard let definition = definition(of: name) else {
            throw PushError(message: "no signal named '\(name)' is registered")
        }
        guard case .push = definition.source else {
            throw PushError(
                message:
                    "signal '\(name)' is polled from \(definition.source.kindName); only push signals accept values")
        }
        guard readings.count <= 10_000 else {
            throw PushError(message: "a push may carry at most 10000 values, got \(readings.count); split it")
        }
        var report = PushReport(accepted: 0, rejected: [], ignored: 0)
        var newest = status(of: name)?.lastGood?.time
        let ordered = readings.enumerated().sorted {
            ($0.element.timestamp ?? now, $0.offset) < ($1.element.timestamp ?? now, $1.offset)
        }
        for (_, reading) in ordered {
            let outcome = PollOutcome.make(from: .success(reading), validator: definition.validator, at: now)
            if case .accepted(let sample) = outcome, let last = newest, sample.time <= last {
                report.ignored += 1
                continue
            }
            await record(outcome, for: name)
            switch outcome {
            case .accepted(let sample):
                report.accepted += 1
                newest = sample.time
            case .rejected(let bad): report.rejected.append(bad)
            case .failed: break
            }
        }
        return report
    }
}

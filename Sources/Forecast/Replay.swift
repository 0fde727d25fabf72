import Foundation

/// One forecast printed by a replay: made at `origin` for `target`.
public struct ReplayRow: Sendable, Equatable {
    /// The time of the last sample the model had seen.
    public var origin: Date
    /// The sample time forecast.
    public var target: Date
    /// The point forecast.
    public var forecast: Double
    /// The interval's lower bound.
    public var lower: Double
    /// The interval's upper bound.
    public var upper: Double
}

/// A causal replay of a trace, as `forewarn forecast` runs it and as the benchmarks score it.
///
/// The model trains on the samples up to `trainUntil`. Then, at each nominal origin `trainUntil + k × every`,
/// the origin is the time of the last sample seen; a row is made for every sample time in
/// (origin, origin + horizon], and only then are the samples up to the next nominal origin fed.
public enum Replay {
    /// Replays `samples` (sorted by time) and returns the rows in order of origin, then target.
    public static func run(
        samples: [Sample], trainUntil: Date, horizon: TimeInterval, every: TimeInterval,
        configuration: ForecastConfiguration = ForecastConfiguration(), confidence: Double = 0.8
    ) throws -> [ReplayRow] {
        guard horizon > 0, every > 0 else {
            throw ReplayError(message: "the horizon and the interval between origins must be positive durations")
        }
        var next = samples.partitionPoint { $0.time > trainUntil }
        var forecaster = try SeasonalForecaster(history: Array(samples[..<next]), configuration: configuration)
        var rows: [ReplayRow] = []
        var nominal = trainUntil
        var previousOrigin: Date?
        while next < samples.count {
            let origin = next > 0 ? samples[next - 1].time : trainUntil
            defer { previousOrigin = origin }
            if origin == previousOrigin {
                let behind = samples[next].time.timeIntervalSince(nominal)
                nominal = nominal.addingTimeInterval(max(0, (behind / every).rounded(.up) - 1) * every)
            }
            var end = next
            while end < samples.count, samples[end].time <= origin.addingTimeInterval(horizon) { end += 1 }
            let targets = origin == previousOrigin ? [] : samples[next..<end].map(\.time)
            for point in forecaster.forecast(at: targets, confidence: confidence) {
                rows.append(
                    ReplayRow(
                        origin: origin, target: point.time, forecast: point.value, lower: point.lower,
                        upper: point.upper))
            }
            nominal = nominal.addingTimeInterval(every)
            while next < samples.count, samples[next].time <= nominal {
                forecaster.observe(samples[next])
                next += 1
            }
        }
        return rows
    }
}

/// Why a replay could not run.
public struct ReplayError: Error, Equatable, CustomStringConvertible {
    /// What is wrong and what to do.
    public let message: String

    /// The message.
    public var description: String { message }
}

extension Array {
    /// The index of the first element satisfying `isAfter`, for an array partitioned by it (binary search).
    func partitionPoint(where isAfter: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isAfter(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

import Forecast
import Foundation

/// What the engine asks of a signal's forecaster; Forecast's `SeasonalForecaster` and
/// `LinearTrendForecaster` conform.
public protocol LoadForecaster: Sendable {
    /// Feeds one new sample; false when ignored (duplicate, out of order, not finite).
    mutating func observe(_ sample: Forecast.Sample) -> Bool
    /// The first instant within `within` at which the signal is across `threshold` with `confidence`.
    func timeToCross(threshold: Double, direction: CrossingDirection, confidence: Double, within: TimeInterval)
        -> Date?
    /// The point forecasts at `times` (after the last observation).
    func expectedValues(at times: [Date]) -> [Double]
    /// The forecasts in (origin, origin + within] whose `lower`/`upper` are the one-sided `confidence` bounds
    /// (confidence ≥ 0.5), with the origin: `timeToCross` for any threshold is a scan of it.
    func crossingPath(within: TimeInterval, confidence: Double) -> (origin: Date, points: [ForecastPoint])
}

/// Scans forecast paths.
enum ForecastPath {
    /// The first instant of `path` within `within` of its origin at or across `threshold`; the same answer as
    /// `timeToCross` with the confidence the path was computed at.
    static func firstCrossing(
        in path: (origin: Date, points: [ForecastPoint]), threshold: Double, direction: CrossingDirection,
        within: TimeInterval
    ) -> Date? {
        let limit = path.origin.addingTimeInterval(within + 1e-6)
        for point in path.points {
            guard point.time <= limit else { return nil }
            switch direction {
            case .above where point.lower >= threshold: return point.time
            case .below where point.upper <= threshold: return point.time
            default: continue
            }
        }
        return nil
    }
}

extension SeasonalForecaster: LoadForecaster {
    public func timeToCross(
        threshold: Double, direction: CrossingDirection, confidence: Double, within: TimeInterval
    ) -> Date? {
        timeToCross(threshold: threshold, direction: direction, confidence: confidence, within: within, uplifts: [])
    }

    public func expectedValues(at times: [Date]) -> [Double] {
        forecast(at: times, confidence: 0.8).map(\.value)
    }

    public func crossingPath(within: TimeInterval, confidence: Double) -> (origin: Date, points: [ForecastPoint]) {
        (lastObservation, forecast(horizon: within, confidence: 2 * confidence - 1))
    }
}

extension LinearTrendForecaster: LoadForecaster {
    public func expectedValues(at times: [Date]) -> [Double] {
        guard let last = windowSamples.last, let fit = LinearTrend.fit(windowSamples, interceptTime: last.time) else {
            return times.map { _ in .nan }
        }
        return times.map { fit.intercept + fit.slope * $0.timeIntervalSince(last.time) }
    }

    public func crossingPath(within: TimeInterval, confidence: Double) -> (origin: Date, points: [ForecastPoint]) {
        let central = 2 * confidence - 1
        let origin = windowSamples.last?.time ?? .distantPast
        let points = forecast(horizon: within, confidence: abs(central)).map { point in
            central >= 0
                ? point : ForecastPoint(time: point.time, value: point.value, lower: point.upper, upper: point.lower)
        }
        return (origin, points)
    }
}

/// A forecast path prepared for many thresholds: the running maximum of the lower bounds and the running minimum
/// of the upper bounds are monotone, so the first point across any threshold is found by binary search.
/// A class: the engine's cache hands it out per plan and tick for one retain instead of three.
final class ForecastPathIndex: Sendable {
    /// The path's origin (the forecaster's last observation).
    let origin: Date
    /// The points' instants, in order.
    let times: [Date]
    /// `max(lower[0...i])` and `min(upper[0...i])` (NaN bounds never cross, as in the linear scan).
    let highestLower: [Double]
    let lowestUpper: [Double]

    /// Indexes a path.
    init(_ path: (origin: Date, points: [ForecastPoint])) {
        origin = path.origin
        times = path.points.map(\.time)
        var high = -Double.infinity
        var low = Double.infinity
        var highs: [Double] = []
        var lows: [Double] = []
        highs.reserveCapacity(path.points.count)
        lows.reserveCapacity(path.points.count)
        for point in path.points {
            if point.lower > high { high = point.lower }
            if point.upper < low { low = point.upper }
            highs.append(high)
            lows.append(low)
        }
        highestLower = highs
        lowestUpper = lows
    }

    /// The first instant within `within` of the origin whose bound is across `threshold`: the same answer as
    /// `ForecastPath.firstCrossing` on the path.
    func firstCrossing(threshold: Double, direction: CrossingDirection, within: TimeInterval) -> Date? {
        // The bounds are running extremes: not across at the last point means never (most thresholds, one read).
        guard let last = times.indices.last,
            direction == .above ? highestLower[last] >= threshold : lowestUpper[last] <= threshold
        else { return nil }
        var low = 0
        var high = times.count
        while low < high {
            let middle = (low + high) / 2
            let crossed = direction == .above ? highestLower[middle] >= threshold : lowestUpper[middle] <= threshold
            if crossed { high = middle } else { low = middle + 1 }
        }
        guard low < times.count, times[low] <= origin.addingTimeInterval(within + 1e-6) else { return nil }
        return times[low]
    }
}

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
}

extension LinearTrendForecaster: LoadForecaster {
    public func expectedValues(at times: [Date]) -> [Double] {
        guard let last = windowSamples.last, let fit = LinearTrend.fit(windowSamples, interceptTime: last.time) else {
            return times.map { _ in .nan }
        }
        return times.map { fit.intercept + fit.slope * $0.timeIntervalSince(last.time) }
    }
}

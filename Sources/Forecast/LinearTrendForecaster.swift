import Foundation

/// A linear-trend forecast for monotone resources (battery drain, disk fill) over a sliding window.
///
/// Intervals are the normal ordinary-least-squares prediction intervals
/// `ŷ ± z·s·√(1 + 1/n + (x − x̄)²/Sxx)`. Forecast times follow the median spacing of the window.
public struct LinearTrendForecaster: Sendable {
    /// How much history the line is fitted on.
    public let window: TimeInterval
    /// Whether the window's start is included (Prometheus 2.x) or not (3.x).
    public let bounds: WindowBounds
    private var samples: [Sample] = []
    private var head = 0

    /// Creates an empty forecaster.
    public init(window: TimeInterval, bounds: WindowBounds = .leftOpen) {
        self.window = window
        self.bounds = bounds
    }

    /// The samples in the current window, oldest first.
    public var windowSamples: ArraySlice<Sample> { samples[head...] }

    /// Feeds one sample (non-finite values and samples not after the latest are ignored). Amortised O(1).
    @discardableResult
    public mutating func observe(_ sample: Sample) -> Bool {
        guard sample.value.isFinite, samples.last.map({ sample.time > $0.time }) ?? true else { return false }
        samples.append(sample)
        let start = sample.time.addingTimeInterval(-window)
        while head < samples.count,
            bounds == .closed ? samples[head].time < start : samples[head].time <= start
        {
            head += 1
        }
        if head > 64 && head * 2 > samples.count {
            samples.removeFirst(head)
            head = 0
        }
        return true
    }

    /// Forecasts (origin, origin + horizon] at the window's median spacing; empty below 2 samples.
    public func forecast(horizon: TimeInterval, confidence: Double = 0.8) -> [ForecastPoint] {
        let kept = Array(windowSamples)
        guard let origin = kept.last?.time, let line = LinearTrend.fit(kept, interceptTime: origin) else { return [] }
        let spacing = medianSpacing(of: kept)
        guard spacing > 0 else { return [] }
        let steps = min(SeasonalForecaster.maximumSteps, Int((horizon / spacing).rounded(.down)))
        guard steps > 0 else { return [] }
        let z = standardNormalQuantile(0.5 + confidence / 2)
        return (1...steps).map { k in
            let x = Double(k) * spacing
            let value = line.intercept + line.slope * x
            let leverage =
                line.offsetSpread > 0
                ? (x - line.meanOffset) * (x - line.meanOffset) / line.offsetSpread : 0
            let width = z * line.residualStandardError * (1 + 1 / Double(line.count) + leverage).squareRoot()
            return ForecastPoint(
                time: origin.addingTimeInterval(x), value: value, lower: value - width, upper: value + width)
        }
    }

    /// The first forecast instant within `within` at which the signal reaches `threshold` with
    /// probability at least `confidence` (the one-sided bound is at or past it), or nil.
    public func timeToCross(
        threshold: Double, direction: CrossingDirection, confidence: Double, within: TimeInterval
    ) -> Date? {
        let central = 2 * confidence - 1
        for point in forecast(horizon: within, confidence: abs(central)) {
            let offset = (point.upper - point.value) * (central >= 0 ? 1 : -1)
            switch direction {
            case .above where point.value - offset >= threshold: return point.time
            case .below where point.value + offset <= threshold: return point.time
            default: continue
            }
        }
        return nil
    }
}

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

    /// The first forecast instant within `within` at which the signal is across `threshold` with
    /// probability at least `confidence` (the one-sided bound is past it), or nil.
    public func timeToCross(
        threshold: Double, direction: CrossingDirection, confidence: Double, within: TimeInterval
    ) -> Date? {
        let central = 2 * confidence - 1
        for point in forecast(horizon: within, confidence: abs(central)) {
            let offset = (point.upper - point.value) * (central >= 0 ? 1 : -1)
            switch direction {
            case .above where point.value - offset > threshold: return point.time
            case .below where point.value + offset < threshold: return point.time
            default: continue
            }
        }
        return nil
    }
}

/// The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9).
func standardNormalQuantile(_ p: Double) -> Double {
    let p = min(max(p, 1e-12), 1 - 1e-12)
    let a = [
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
    ]
    let b = [
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01,
    ]
    let c = [
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
    ]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    if p < 0.02425 {
        let q = (-2 * log(p)).squareRoot()
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    if p > 1 - 0.02425 { return -standardNormalQuantile(1 - p) }
    let q = p - 0.5
    let r = q * q
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
}

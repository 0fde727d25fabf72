import Foundation

/// Which samples a range `[v[w]]` selects at evaluation time `t`.
public enum WindowBounds: String, Sendable, Equatable {
    /// `[t - w, t]`: Prometheus 2.x range selectors.
    case closed
    /// `(t - w, t]`: Prometheus 3.x range selectors.
    case leftOpen
}

/// An ordinary least-squares line through samples, with x in seconds from an intercept time.
public struct LinearFit: Sendable, Equatable {
    /// Change per second.
    public var slope: Double
    /// The fitted value at the intercept time.
    public var intercept: Double
    /// The residual standard error (0 with two samples or a perfect fit).
    public var residualStandardError: Double
    /// The number of samples.
    public var count: Int
    /// The mean x (seconds from the intercept time).
    public var meanOffset: Double
    /// The sum of squared x deviations.
    public var offsetSpread: Double
}

/// Least-squares trends for monotone resources, including Prometheus' `predict_linear`.
public enum LinearTrend {
    /// The regression of Prometheus' `linearRegression`: constant values give slope 0; nil below 2 samples.
    public static func fit(_ samples: some Collection<Sample>, interceptTime: Date) -> LinearFit? {
        guard samples.count >= 2, let first = samples.first else { return nil }
        let n = Double(samples.count)
        var sumX = 0.0, sumY = 0.0, sumXY = 0.0, sumX2 = 0.0
        var isConstant = true
        for sample in samples {
            let x = sample.time.timeIntervalSince(interceptTime)
            sumX += x
            sumY += sample.value
            sumXY += x * sample.value
            sumX2 += x * x
            if sample.value != first.value { isConstant = false }
        }
        let spread = sumX2 - sumX * sumX / n
        let slope = isConstant || spread <= 0 ? 0 : (sumXY - sumX * sumY / n) / spread
        let intercept = isConstant ? first.value : sumY / n - slope * sumX / n
        var squares = 0.0
        for sample in samples {
            let residual = sample.value - (intercept + slope * sample.time.timeIntervalSince(interceptTime))
            squares += residual * residual
        }
        let standardError = samples.count > 2 ? (squares / (n - 2)).squareRoot() : 0
        return LinearFit(
            slope: slope, intercept: intercept, residualStandardError: standardError, count: samples.count,
            meanOffset: sumX / n, offsetSpread: max(spread, 0))
    }

    /// `predict_linear(v[window], horizon)` evaluated at `time` over `samples` sorted by time; nil below 2 samples.
    public static func predictLinear(
        _ samples: [Sample], at time: Date, window: TimeInterval, horizon: TimeInterval, bounds: WindowBounds
    ) -> Double? {
        let start = time.addingTimeInterval(-window)
        let low = samples.partitionPoint { bounds == .closed ? $0.time >= start : $0.time > start }
        let high = samples.partitionPoint { $0.time > time }
        guard low < high, let line = fit(samples[low..<high], interceptTime: time) else { return nil }
        return line.intercept + line.slope * horizon
    }
}

/// Picks a season length from history by autocorrelation.
public enum SeasonDetector {
    /// The smallest autocorrelation that counts as a season.
    public static let threshold = 0.3

    /// The candidate lag (in steps) with the highest autocorrelation above ``threshold`` that is a peak, or 1 (no season).
    ///
    /// A candidate needs at least two seasons of history, and a period must show as a peak: the series must
    /// correlate more with itself one period back than half a period back. A smooth series correlates highly
    /// at every short lag, more the shorter the lag, without repeating at any (nyc_taxi at one hour); a
    /// repeating pattern is out of phase half a period back. NaN steps are left out of the sums.
    public static func detect(in values: [Double], candidates: [Int]) -> Int {
        var best = 1
        var bestCorrelation = threshold
        for lag in candidates where lag >= 2 && values.count >= 2 * lag {
            let correlation = autocorrelation(of: values, lag: lag)
            guard correlation >= bestCorrelation, isPeak(correlation, in: values, lag: lag) else { continue }
            best = lag
            bestCorrelation = correlation
        }
        return best
    }

    /// Whether `correlation` (the autocorrelation at `lag`) is above the autocorrelation at half that lag.
    static func isPeak(_ correlation: Double, in values: [Double], lag: Int) -> Bool {
        correlation > autocorrelation(of: values, lag: lag / 2)
    }

    /// The sample autocorrelation at `lag` (NaN-aware; 0 when undefined).
    public static func autocorrelation(of values: [Double], lag: Int) -> Double {
        let mean = nanMean(values)
        guard !mean.isNaN, lag < values.count else { return 0 }
        var numerator = 0.0
        var denominator = 0.0
        for t in values.indices where !values[t].isNaN {
            let deviation = values[t] - mean
            denominator += deviation * deviation
            if t >= lag, !values[t - lag].isNaN { numerator += deviation * (values[t - lag] - mean) }
        }
        return denominator > 0 ? numerator / denominator : 0
    }
}

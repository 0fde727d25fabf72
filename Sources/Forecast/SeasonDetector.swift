/// Picks a season length from history by autocorrelation.
public enum SeasonDetector {
    /// The smallest autocorrelation that counts as a season.
    public static let threshold = 0.3

    /// The candidate lag (in steps) with the highest autocorrelation above ``threshold``, or 1 (no season).
    ///
    /// A candidate needs at least two seasons of history; NaN steps are left out of the sums.
    public static func detect(in values: [Double], candidates: [Int]) -> Int {
        var best = 1
        var bestCorrelation = threshold
        for lag in candidates where lag >= 2 && values.count >= 2 * lag {
            let correlation = autocorrelation(of: values, lag: lag)
            if correlation >= bestCorrelation {
                best = lag
                bestCorrelation = correlation
            }
        }
        return best
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

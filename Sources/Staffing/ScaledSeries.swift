import Foundation

/// Sums of positive series whose terms may overflow a `Double`, returned as natural logarithms.
///
/// The series is `Σ_{k≥0} t_k` with `t_0 = 1` and `t_k = t_{k−1}·ratio(k)`, where `ratio` decreases in `k`
/// (true of every Erlang A series). Partial sums are rescaled before they overflow, and summing stops
/// once the geometric bound on the tail is below 1e-17 of the sum, or after `limit` terms.
struct ScaledSeries {
    /// The logarithm of `Σ t_k`.
    var logSum: Double
    /// The logarithm of `Σ k·t_k` (−∞ when every weighted term is zero).
    var logWeightedSum: Double
    /// How many terms were added after `t_0`.
    var terms: Int

    private static let relativeTolerance = 1e-17
    private static let rescaleThreshold = 1e280

    /// Sums the series defined by `ratio`, adding at most `limit` terms after the first.
    init(limit: Int, ratio: (Int) -> Double) {
        var term = 1.0
        var sum = 1.0
        var weighted = 0.0
        var logScale = 0.0
        var index = 0
        while index < limit {
            index += 1
            let factor = ratio(index)
            term *= factor
            sum += term
            weighted += Double(index) * term
            if sum > Self.rescaleThreshold {
                term /= Self.rescaleThreshold
                sum /= Self.rescaleThreshold
                weighted /= Self.rescaleThreshold
                logScale += log(Self.rescaleThreshold)
            }
            if term == 0 || Self.tailIsNegligible(term: term, ratio: factor, index: index, sum: sum, weighted: weighted)
            {
                break
            }
        }
        logSum = logScale + log(sum)
        logWeightedSum = weighted > 0 ? logScale + log(weighted) : -.infinity
        terms = index
    }

    /// Whether the tail after `term` (bounded by a geometric series of the current, decreasing `ratio`) is
    /// negligible for both sums.
    private static func tailIsNegligible(term: Double, ratio: Double, index: Int, sum: Double, weighted: Double)
        -> Bool
    {
        guard ratio < 1 else { return false }
        let geometric = ratio / (1 - ratio)
        let tail = term * geometric
        let weightedTail = term * (Double(index) * geometric + geometric / (1 - ratio))
        return tail <= relativeTolerance * sum && weightedTail <= relativeTolerance * weighted
    }
}

/// `log(exp(a) + exp(b))` without overflow.
func logAddExp(_ a: Double, _ b: Double) -> Double {
    let high = max(a, b)
    guard high > -.infinity else { return -.infinity }
    return high + log1p(exp(min(a, b) - high))
}

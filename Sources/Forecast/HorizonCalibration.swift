/// Per-horizon blend weights and absolute-error quantiles, learnt from the fit window's own replay.
///
/// Horizons are grouped in buckets 1, 2, 4, 8, … steps; a horizon uses the largest bucket not above it.
struct HorizonCalibration: Sendable, Equatable {
    /// The first horizon (in steps) of each bucket.
    var buckets: [Int]
    /// Weight of the same-slot baseline in the blend, per bucket (0 = Holt-Winters only).
    var weights: [Double]
    /// Sorted absolute errors of the blended forecast, per bucket.
    var errors: [[Double]]
    /// Mean absolute one-step error in the fit window, to rescale errors to the current error level.
    var referenceScale: Double

    /// Buckets 1, 2, 4, … up to `maxHorizon` steps.
    static func makeBuckets(maxHorizon: Int) -> [Int] {
        var buckets = [1]
        while buckets.last! * 2 <= max(1, maxHorizon) { buckets.append(buckets.last! * 2) }
        return buckets
    }

    /// The bucket index for a horizon of `h` steps.
    func bucket(for h: Int) -> Int {
        var index = 0
        while index + 1 < buckets.count && buckets[index + 1] <= h { index += 1 }
        return index
    }

    /// The `level` quantile (0...1) of absolute errors for horizon `h`, interpolated; nil without data.
    func absoluteErrorQuantile(_ level: Double, stepsAhead h: Int) -> Double? {
        let sorted = errors[bucket(for: h)]
        guard !sorted.isEmpty else { return nil }
        let position = min(max(level, 0), 1) * Double(sorted.count - 1)
        let low = Int(position)
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low])
    }
}

/// Collects (Holt-Winters forecast, baseline, actual) triples per bucket during a calibration replay.
struct CalibrationCollector {
    var buckets: [Int]
    var triples: [[(model: Double, baseline: Double, actual: Double)]]
    var oneStepErrorSum = 0.0
    var oneStepCount = 0

    init(buckets: [Int]) {
        self.buckets = buckets
        triples = Array(repeating: [], count: buckets.count)
    }

    /// Fits each bucket's weight by least squares (clamped to 0...1, or fixed by `kind`) and sorts its errors.
    func finish(kind: ModelKind) -> HorizonCalibration {
        var weights: [Double] = []
        var errors: [[Double]] = []
        for bucket in triples {
            let usable = bucket.filter { !$0.baseline.isNaN }
            var numerator = 0.0
            var denominator = 0.0
            for triple in usable {
                let difference = triple.baseline - triple.model
                numerator += (triple.actual - triple.model) * difference
                denominator += difference * difference
            }
            let weight: Double
            switch kind {
            case .holtWinters: weight = 0
            case .sameSlot: weight = 1
            case .combined: weight = denominator > 0 ? min(max(numerator / denominator, 0), 1) : 0
            }
            weights.append(weight)
            errors.append(
                bucket.map { triple in
                    let blended =
                        triple.baseline.isNaN
                        ? triple.model : triple.model + weight * (triple.baseline - triple.model)
                    return abs(triple.actual - blended)
                }.sorted())
        }
        let scale = oneStepCount == 0 ? 0 : oneStepErrorSum / Double(oneStepCount)
        return HorizonCalibration(buckets: buckets, weights: weights, errors: errors, referenceScale: scale)
    }
}

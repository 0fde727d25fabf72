import Foundation

extension HoltWinters {
    /// The initial state from the first one or two seasons of `values` (NaN-aware means).
    ///
    /// Level: mean of the first season; trend: difference of the first two seasons' means per step
    /// (0 with one season); seasons: each slot's mean deviation from its season's mean.
    public static func initial(
        from values: ArraySlice<Double>, seasonLength m: Int, parameters: HoltWintersParameters
    ) -> HoltWinters {
        let seasonsAvailable = max(1, min(2, values.count / max(m, 1)))
        let start = values.startIndex
        var means: [Double] = []
        for k in 0..<seasonsAvailable {
            let slice = values[(start + k * m)..<min(values.endIndex, start + (k + 1) * m)]
            means.append(nanMean(slice))
        }
        let level = means[0].isNaN ? 0 : means[0]
        let trend = means.count == 2 && !means[1].isNaN && !means[0].isNaN ? (means[1] - means[0]) / Double(m) : 0
        var seasons = [Double](repeating: 0, count: m)
        if m > 1 {
            for slot in 0..<m {
                var sum = 0.0
                var used = 0
                for k in 0..<seasonsAvailable where start + k * m + slot < values.endIndex {
                    let value = values[start + k * m + slot]
                    if !value.isNaN && !means[k].isNaN {
                        sum += value - means[k]
                        used += 1
                    }
                }
                seasons[slot] = used == 0 ? 0 : sum / Double(used)
            }
        }
        return HoltWinters(parameters: parameters, level: level, trend: trend, seasons: seasons)
    }

    /// Fits the parameters by Nelder-Mead on the squared one-step plus `objectiveHorizon`-step errors of
    /// `values` (NaN steps are skipped), spending at most `maxEvaluations` passes over `values`.
    public static func fit(
        values: [Double], seasonLength m: Int, objectiveHorizon: Int, maxEvaluations: Int, clipLimit: Double?
    ) -> HoltWintersParameters {
        let minimiser = NelderMead(maxEvaluations: maxEvaluations)
        let start: [Double] = [0, -2, -2, 2]
        let best = minimiser.minimize(from: start) { point in
            let parameters = decode(point, seasonLength: m)
            var model = initial(from: values[...], seasonLength: m, parameters: parameters)
            var robust = RobustScale(limit: clipLimit)
            return model.run(over: values, robust: &robust, objectiveHorizon: objectiveHorizon, warmUp: m)
        }
        return decode(best.point, seasonLength: m)
    }

    /// Maps unbounded optimiser coordinates to valid parameters (logistic squashing).
    static func decode(_ point: [Double], seasonLength m: Int) -> HoltWintersParameters {
        func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
        let alpha = logistic(point[0])
        let gamma = m > 1 ? (1 - alpha) * logistic(point[2]) : 0
        return HoltWintersParameters(
            alpha: alpha, beta: alpha * logistic(point[1]), gamma: gamma, phi: 0.8 + 0.2 * logistic(point[3]))
    }

    /// Runs the recursion over `values` (robustly), returning the squared one- and h-step errors after `warmUp`.
    mutating func run(
        over values: [Double], robust: inout RobustScale, objectiveHorizon h: Int, warmUp: Int
    ) -> Double {
        var total = 0.0
        for t in values.indices {
            let value = values[t]
            if value.isNaN {
                skip(steps: 1)
                continue
            }
            let forecast = oneStepForecast
            let error = value - forecast
            if t >= warmUp {
                total += error * error
                if h > 1, t + h - 1 < values.count, !values[t + h - 1].isNaN {
                    let far = values[t + h - 1] - self.forecast(steps: h)
                    total += far * far
                }
            }
            update(with: forecast + robust.filter(error))
        }
        return total
    }
}

/// The mean of the non-NaN values (NaN when there are none).
func nanMean<C: Collection>(_ values: C) -> Double where C.Element == Double {
    var sum = 0.0
    var used = 0
    for value in values where !value.isNaN {
        sum += value
        used += 1
    }
    return used == 0 ? .nan : sum / Double(used)
}

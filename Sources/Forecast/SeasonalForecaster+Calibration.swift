import Foundation

extension SeasonalForecaster {
    /// Values kept: the fit window, enough seasons for the baseline at the calibrated horizons, and at least
    /// a day, so that the calibration replay sees a day's worth of origins even when the season is short (four
    /// hourly seasons are four hours).
    static func ringCapacity(configuration: ForecastConfiguration, step: TimeInterval, seasonLength m: Int) -> Int {
        let horizon = calibrationSteps(configuration: configuration, step: step, seasonLength: m)
        let baseline = (configuration.sameSlotSeasons + (horizon + m - 1) / m) * m
        let day = Int((86_400 / step).rounded())
        return max(configuration.fitSeasons * m, baseline, 16, day)
    }

    /// Values the Holt-Winters parameters are fitted on: the latest `fitSeasons` seasons (at least two, and 16).
    static func fitLength(configuration: ForecastConfiguration, seasonLength m: Int) -> Int {
        max(configuration.fitSeasons * m, 2 * m, 16)
    }

    /// The longest calibrated horizon in steps (default: one season, at least the objective horizon).
    static func calibrationSteps(configuration: ForecastConfiguration, step: TimeInterval, seasonLength m: Int) -> Int {
        let objective = Int((configuration.objectiveHorizon / step).rounded())
        if let horizon = configuration.calibrationHorizon { return max(1, Int((horizon / step).rounded())) }
        return max(m, objective, 1)
    }

    /// Fits on `window` (ending at `lastSlot`) and replays it once to calibrate and set the state.
    static func fitted(
        window: [Double], configuration: ForecastConfiguration, step: TimeInterval, seasonLength m: Int,
        anchor: Date, lastSlot: Int
    ) -> SeasonalForecaster {
        let objective = max(1, Int((configuration.objectiveHorizon / step).rounded()))
        let fitWindow = Array(window.suffix(fitLength(configuration: configuration, seasonLength: m)))
        let parameters = HoltWinters.fit(
            values: fitWindow, seasonLength: m, objectiveHorizon: objective,
            maxEvaluations: configuration.maxEvaluations, clipLimit: configuration.clipLimit)
        let buckets = HorizonCalibration.makeBuckets(
            maxHorizon: calibrationSteps(configuration: configuration, step: step, seasonLength: m))
        var forecaster = SeasonalForecaster(
            configuration: configuration, step: step, seasonLength: m,
            model: HoltWinters.initial(from: window[...], seasonLength: m, parameters: parameters),
            calibration: HorizonCalibration(buckets: buckets, weights: [], errors: [], referenceScale: 0),
            ring: ValueRing(capacity: ringCapacity(configuration: configuration, step: step, seasonLength: m)),
            robust: RobustScale(limit: configuration.clipLimit),
            anchor: anchor, lastSlot: lastSlot)
        var collector = CalibrationCollector(buckets: buckets)
        let warmUp = min(window.count / 2, max(m, configuration.sameSlotSeasons * m))
        let stride = max(1, (window.count - warmUp) / 400)
        for t in window.indices {
            if t >= warmUp, (t - warmUp) % stride == 0 {
                for (index, h) in buckets.enumerated() where t + h - 1 < window.count && !window[t + h - 1].isNaN {
                    let baseline = sameSlotMean(
                        in: forecaster.ring, stepsAhead: h, seasonLength: m, seasons: configuration.sameSlotSeasons)
                    collector.triples[index].append((forecaster.model.forecast(steps: h), baseline, window[t + h - 1]))
                }
            }
            let error = forecaster.advance(with: window[t])
            if t >= warmUp, !error.isNaN, let scale = forecaster.robust.scale {
                collector.oneStepErrorSum += scale
                collector.oneStepCount += 1
            }
        }
        forecaster.calibration = collector.finish(kind: configuration.kind)
        return forecaster
    }
}

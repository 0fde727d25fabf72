import Foundation

extension SeasonalForecaster {
    /// Trains on `history`: infers the step and season when not configured, fits on the latest
    /// `fitSeasons` seasons and leaves the state at the last sample. Cost is bounded by the fit window
    /// times `maxEvaluations`, whatever the length of `history`.
    public init(history: [Sample], configuration: ForecastConfiguration = ForecastConfiguration()) throws {
        let samples = history.filter { $0.value.isFinite }.sorted { $0.time < $1.time }
        guard samples.count >= 3 else { throw ForecastError.tooShort(samples.count) }
        let step = configuration.step ?? inferredStep(of: samples)
        guard step > 0, step.isFinite else { throw ForecastError.badStep(step) }
        let daySteps = Int((86_400 / step).rounded())
        var season = 0
        if let seasonSpan = configuration.season {
            season = Int((seasonSpan / step).rounded())
            guard season >= 1, abs(Double(season) * step - seasonSpan) < step * 1e-6 else {
                throw ForecastError.badSeason(seasonSpan, step: step)
            }
        }
        let anchor = samples[0].time
        let lastSlot = Int((samples.last!.time.timeIntervalSince(anchor) / step).rounded())
        let widest = season > 0 ? season : max(7 * daySteps, 1)
        let gridLength = min(lastSlot + 1, (configuration.fitSeasons + configuration.sameSlotSeasons + 2) * widest)
        let firstSlot = lastSlot + 1 - gridLength
        var grid = [Double](repeating: .nan, count: gridLength)
        for sample in samples {
            let slot = Int((sample.time.timeIntervalSince(anchor) / step).rounded())
            let isEvent = configuration.events.contains { $0.contains(sample.time) }
            if slot >= firstSlot, grid[slot - firstSlot].isNaN, !isEvent { grid[slot - firstSlot] = sample.value }
        }
        if season == 0 {
            season = SeasonDetector.detect(in: grid, candidates: [daySteps, 7 * daySteps])
        }
        let capacity = Self.ringCapacity(configuration: configuration, step: step, seasonLength: season)
        self = Self.fitted(
            window: Array(grid.suffix(capacity)), configuration: configuration, step: step,
            seasonLength: season, anchor: anchor, lastSlot: lastSlot)
    }

    /// Refits the parameters and recalibrates on the kept history (the latest `fitSeasons` seasons).
    /// Call it rarely (e.g. daily); its cost is that of training.
    public mutating func refit() {
        self = Self.fitted(
            window: ring.values, configuration: configuration, step: step, seasonLength: seasonLength,
            anchor: time(ofSlot: 0), lastSlot: lastSlot)
    }

    /// Values kept: the fit window, and enough seasons for the baseline at the calibrated horizons.
    static func ringCapacity(configuration: ForecastConfiguration, step: TimeInterval, seasonLength m: Int) -> Int {
        let horizon = calibrationSteps(configuration: configuration, step: step, seasonLength: m)
        let baseline = (configuration.sameSlotSeasons + (horizon + m - 1) / m) * m
        return max(configuration.fitSeasons * m, baseline, 16)
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
        let parameters = HoltWinters.fit(
            values: window, seasonLength: m, objectiveHorizon: objective,
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

/// The median spacing of `samples`, snapped to the nearest common step (1 s … 1 d) when within 5 %.
func inferredStep(of samples: [Sample]) -> TimeInterval {
    let median = medianSpacing(of: samples)
    let common: [TimeInterval] = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 86_400]
    let nearest = common.min { abs($0 - median) < abs($1 - median) } ?? median
    return abs(nearest - median) <= 0.05 * nearest ? nearest : median
}

/// The median spacing between consecutive distinct sample times.
func medianSpacing(of samples: [Sample]) -> TimeInterval {
    var gaps: [TimeInterval] = []
    for (earlier, later) in zip(samples, samples.dropFirst()) {
        let gap = later.time.timeIntervalSince(earlier.time)
        if gap > 0 { gaps.append(gap) }
    }
    guard !gaps.isEmpty else { return 0 }
    return gaps.sorted()[gaps.count / 2]
}

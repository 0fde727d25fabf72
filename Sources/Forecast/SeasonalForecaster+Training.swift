import Foundation

extension SeasonalForecaster {
    /// Trains on `history`: infers the step and season when not configured, fits on the latest
    /// `fitSeasons` seasons and leaves the state at the last sample. Cost is bounded by the fit window
    /// times `maxEvaluations`, whatever the length of `history`.
    public init(history: [Sample], configuration: ForecastConfiguration = ForecastConfiguration()) throws {
        try configuration.validate()
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
            guard season <= Self.maximumSeasonSteps else {
                throw ForecastError.seasonTooLong(season, limit: Self.maximumSeasonSteps)
            }
        }
        let anchor = samples[0].time
        let lastSlot = Int((samples.last!.time.timeIntervalSince(anchor) / step).rounded())
        let widest = season > 0 ? season : min(max(7 * daySteps, 1), Self.maximumSeasonSteps)
        let gridLength = min(lastSlot + 1, (configuration.fitSeasons + configuration.sameSlotSeasons + 2) * widest)
        let firstSlot = lastSlot + 1 - gridLength
        var grid = [Double](repeating: .nan, count: gridLength)
        for sample in samples {
            let slot = Int((sample.time.timeIntervalSince(anchor) / step).rounded())
            let isEvent = configuration.events.contains { $0.contains(sample.time) }
            if slot >= firstSlot, grid[slot - firstSlot].isNaN, !isEvent { grid[slot - firstSlot] = sample.value }
        }
        if season == 0 {
            let hourSteps = Int((3_600 / step).rounded())
            let candidates = [hourSteps, daySteps, 7 * daySteps].filter { $0 <= Self.maximumSeasonSteps }
            season = SeasonDetector.detect(in: grid, candidates: candidates)
        }
        let capacity = Self.ringCapacity(configuration: configuration, step: step, seasonLength: season)
        self = Self.fitted(
            window: Array(grid.suffix(capacity)), configuration: configuration, step: step,
            seasonLength: season, anchor: anchor, lastSlot: lastSlot)
    }

    /// The longest season in steps (two weeks of one-minute steps); aggregate finer signals first.
    public static let maximumSeasonSteps = 20_160

    /// Refits the parameters and recalibrates on the kept history (the latest `fitSeasons` seasons).
    /// Call it rarely (e.g. daily); its cost is that of training.
    public mutating func refit() {
        self = Self.fitted(
            window: ring.values, configuration: configuration, step: step, seasonLength: seasonLength,
            anchor: time(ofSlot: 0), lastSlot: lastSlot)
    }
}

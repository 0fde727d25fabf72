import Foundation

extension SeasonalForecaster {
    /// Forecasts every grid step in (origin, origin + horizon] with a central `confidence` interval.
    public func forecast(
        horizon: TimeInterval, confidence: Double = 0.8, uplifts: [EventUplift] = []
    ) -> [ForecastPoint] {
        let steps = min(Self.maximumSteps, max(0, Int((horizon / step).rounded(.down))))
        guard steps > 0 else { return [] }
        return (1...steps).map { point(stepsAhead: $0, confidence: confidence, uplifts: uplifts) }
    }

    /// Forecasts the given instants, each at its nearest grid step (less than one step ahead counts as one).
    public func forecast(
        at times: [Date], confidence: Double = 0.8, uplifts: [EventUplift] = []
    ) -> [ForecastPoint] {
        times.map { time in
            let h = min(Self.maximumSteps, max(1, slot(for: time) - lastSlot))
            var point = point(stepsAhead: h, confidence: confidence, uplifts: uplifts)
            point.time = time
            return point
        }
    }

    /// The first grid instant within `within` of the origin at which the signal is foreseen to reach
    /// `threshold` with probability at least `confidence`, or nil.
    ///
    /// "Above with confidence c" means the forecast minus the one-sided c error quantile reaches (is at
    /// or over) the threshold — the same `value >= threshold` that counts as a breach (for c ≥ ½ the
    /// one-sided c quantile is the central (2c − 1) absolute-error quantile).
    public func timeToCross(
        threshold: Double, direction: CrossingDirection, confidence: Double, within: TimeInterval,
        uplifts: [EventUplift] = []
    ) -> Date? {
        let steps = min(Self.maximumSteps, max(0, Int((within / step).rounded(.down))))
        guard steps > 0 else { return nil }
        for h in 1...steps {
            let time = self.time(ofSlot: lastSlot + h)
            let factor = uplifts.factor(at: time)
            let offset = oneSidedOffset(confidence: confidence, stepsAhead: h) * factor
            let value = centralValue(stepsAhead: h) * factor
            switch direction {
            case .above where value - offset >= threshold: return time
            case .below where value + offset <= threshold: return time
            default: continue
            }
        }
        return nil
    }

    /// The most steps one call forecasts (bounds the work of a careless horizon).
    public static let maximumSteps = 1_000_000

    /// The blended point forecast `h` steps ahead: a convex combination, so a weight of 1 gives the
    /// baseline exactly (a ceiling seen in every recent season is forecast as that ceiling, not an ulp off).
    func centralValue(stepsAhead h: Int) -> Double {
        let model = self.model.forecast(steps: h)
        let baseline = sameSlotMean(
            in: ring, stepsAhead: h, seasonLength: seasonLength, seasons: configuration.sameSlotSeasons)
        guard !baseline.isNaN else { return model }
        let weight = calibration.weights[calibration.bucket(for: h)]
        return (1 - weight) * model + weight * baseline
    }

    /// The half-width of the central `confidence` interval `h` steps ahead (0 for a central probability of
    /// 0, the point forecast itself: the one-sided median of symmetric errors).
    func halfWidth(confidence: Double, stepsAhead h: Int) -> Double {
        guard confidence > 0 else { return 0 }
        return (calibration.absoluteErrorQuantile(confidence, stepsAhead: h) ?? 0) * errorRatio
    }

    /// How far below (positive) the forecast the one-sided `confidence` quantile lies.
    func oneSidedOffset(confidence: Double, stepsAhead h: Int) -> Double {
        confidence >= 0.5
            ? halfWidth(confidence: 2 * confidence - 1, stepsAhead: h)
            : -halfWidth(confidence: 1 - 2 * confidence, stepsAhead: h)
    }

    /// One forecast point `h` steps after the origin.
    func point(stepsAhead h: Int, confidence: Double, uplifts: [EventUplift]) -> ForecastPoint {
        let time = self.time(ofSlot: lastSlot + h)
        let factor = uplifts.factor(at: time)
        let value = centralValue(stepsAhead: h)
        let width = halfWidth(confidence: confidence, stepsAhead: h)
        return ForecastPoint(
            time: time, value: value * factor, lower: (value - width) * factor, upper: (value + width) * factor)
    }
}

import Foundation

/// A forecast of one signal: damped additive Holt-Winters blended with a same-slot baseline, on a step grid.
///
/// Built from history (``init(history:configuration:)``, which fits), then fed each new sample with
/// ``observe(_:)`` in O(1). Samples are snapped to the grid `anchor + k × step`; a skipped step (a gap)
/// advances the model as if the step had equalled its forecast (closed form, O(1) for any gap) and is
/// missing for the baseline. A sample on a step already seen (duplicate, late or out of order) is ignored,
/// and so is a non-finite value. Samples inside a known event range count as missing, so events neither
/// move the level nor the seasonal terms.
public struct SeasonalForecaster: Sendable {
    /// The settings the forecaster was built with.
    public let configuration: ForecastConfiguration
    /// The grid step in seconds.
    public let step: TimeInterval
    /// The season length in steps (1 when there is no season).
    public let seasonLength: Int
    /// The fitted Holt-Winters model with its current state.
    public private(set) var model: HoltWinters
    /// The calibration of the blend and of the intervals, from the last fit.
    var calibration: HorizonCalibration
    /// The latest values on the grid, for the baseline and refits.
    var ring: ValueRing
    /// The running scale of one-step errors (clips outliers, rescales intervals).
    var robust: RobustScale
    /// The instant of grid step 0.
    let anchor: Date
    /// The latest grid step seen.
    var lastSlot: Int

    /// Approximate heap bytes this forecaster holds (history ring, seasonal terms, calibration).
    public var memoryFootprint: Int {
        let calibrationValues = calibration.errors.reduce(0) { $0 + $1.count } + calibration.weights.count
        let doubles = ring.capacity + seasonLength + calibrationValues + calibration.buckets.count
        return MemoryLayout<Self>.size + 8 * doubles
    }

    /// The instant of the latest grid step seen (the forecast origin).
    public var lastObservation: Date { time(ofSlot: lastSlot) }

    /// Feeds one sample; returns whether it reached the model (false: duplicate, late or non-finite).
    @discardableResult
    public mutating func observe(_ sample: Sample) -> Bool {
        guard sample.value.isFinite else { return false }
        let slot = self.slot(for: sample.time)
        guard slot > lastSlot else { return false }
        let gap = slot - lastSlot - 1
        if gap > 0 {
            model.skip(steps: gap)
            for _ in 0..<min(gap, ring.capacity) { ring.append(.nan) }
        }
        lastSlot = slot
        let isEvent = configuration.events.contains { $0.contains(sample.time) }
        advance(with: isEvent ? .nan : sample.value)
        return true
    }

    /// Advances one grid step with a value (NaN: missing); returns the raw one-step error or NaN.
    @discardableResult
    mutating func advance(with value: Double) -> Double {
        ring.append(value)
        if value.isNaN {
            model.skip(steps: 1)
            return .nan
        }
        let forecast = model.oneStepForecast
        let error = value - forecast
        model.update(with: forecast + robust.filter(error))
        return error
    }

    /// The grid step nearest to `time`.
    func slot(for time: Date) -> Int {
        Int((time.timeIntervalSince(anchor) / step).rounded())
    }

    /// The instant of a grid step.
    func time(ofSlot slot: Int) -> Date {
        anchor.addingTimeInterval(Double(slot) * step)
    }

    /// The current error level relative to the fit's, bounding how far intervals stretch or shrink.
    var errorRatio: Double {
        guard let scale = robust.scale, calibration.referenceScale > 0 else { return 1 }
        return min(max(scale / calibration.referenceScale, 0.5), 3)
    }

    /// Creates a forecaster from fitted parts (used by training).
    init(
        configuration: ForecastConfiguration, step: TimeInterval, seasonLength: Int, model: HoltWinters,
        calibration: HorizonCalibration, ring: ValueRing, robust: RobustScale, anchor: Date, lastSlot: Int
    ) {
        self.configuration = configuration
        self.step = step
        self.seasonLength = seasonLength
        self.model = model
        self.calibration = calibration
        self.ring = ring
        self.robust = robust
        self.anchor = anchor
        self.lastSlot = lastSlot
    }
}

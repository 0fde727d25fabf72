import Foundation

/// Which forecast a ``SeasonalForecaster`` gives.
public enum ModelKind: String, Sendable, Equatable {
    /// Additive damped Holt-Winters alone.
    case holtWinters
    /// The mean of the same slot over the last seasons alone.
    case sameSlot
    /// Holt-Winters blended with the same-slot mean, with a weight per horizon fitted on the fit window.
    case combined
}

/// Settings of a ``SeasonalForecaster``; plain values so plans can be bridged to it.
public struct ForecastConfiguration: Sendable, Equatable {
    /// The sampling step; nil infers the median spacing of the training history.
    public var step: TimeInterval?
    /// The season length; nil detects daily or weekly by autocorrelation (or none).
    public var season: TimeInterval?
    /// The forecast given.
    public var kind: ModelKind
    /// Seasons averaged by the same-slot baseline.
    public var sameSlotSeasons: Int
    /// Seasons of history the fit uses (the latest ones); bounds the fit's cost and the memory kept.
    public var fitSeasons: Int
    /// Besides the one-step error, the fit minimises the error this far ahead (the lead plans care about).
    public var objectiveHorizon: TimeInterval
    /// Longest horizon with its own blend weight and interval calibration; longer ones reuse the last.
    public var calibrationHorizon: TimeInterval?
    /// The most objective evaluations (passes over the fit window) one fit may spend.
    public var maxEvaluations: Int
    /// One-step errors beyond this many running mean absolute errors are clipped (robust level); nil: off.
    public var clipLimit: Double?
    /// Known event ranges: samples inside them do not update the model (treated as missing).
    public var events: [DateInterval]

    /// Creates a configuration; the defaults suit half-hourly to minutely load signals.
    public init(
        step: TimeInterval? = nil, season: TimeInterval? = nil, kind: ModelKind = .combined,
        sameSlotSeasons: Int = 3, fitSeasons: Int = 4, objectiveHorizon: TimeInterval = 7200,
        calibrationHorizon: TimeInterval? = nil, maxEvaluations: Int = 200, clipLimit: Double? = 2,
        events: [DateInterval] = []
    ) {
        self.step = step
        self.season = season
        self.kind = kind
        self.sameSlotSeasons = sameSlotSeasons
        self.fitSeasons = fitSeasons
        self.objectiveHorizon = objectiveHorizon
        self.calibrationHorizon = calibrationHorizon
        self.maxEvaluations = maxEvaluations
        self.clipLimit = clipLimit
        self.events = events
    }
}

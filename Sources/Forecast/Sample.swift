import Foundation

/// One observation of a signal: an instant (UTC) and a numeric value.
public struct Sample: Sendable, Equatable {
    /// When the value was observed.
    public var time: Date
    /// The observed value.
    public var value: Double

    /// Creates a sample.
    public init(time: Date, value: Double) {
        self.time = time
        self.value = value
    }
}

/// One forecast value with its prediction interval.
public struct ForecastPoint: Sendable, Equatable {
    /// The instant the forecast is for.
    public var time: Date
    /// The point forecast.
    public var value: Double
    /// The lower bound of the prediction interval.
    public var lower: Double
    /// The upper bound of the prediction interval.
    public var upper: Double

    /// Creates a forecast point.
    public init(time: Date, value: Double, lower: Double, upper: Double) {
        self.time = time
        self.value = value
        self.lower = lower
        self.upper = upper
    }
}

/// Which side of a threshold counts as crossing it.
public enum CrossingDirection: String, Sendable, Equatable {
    /// The value rises above the threshold.
    case above
    /// The value falls below the threshold.
    case below
}

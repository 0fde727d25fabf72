import Foundation

/// Smoothing parameters of additive Holt-Winters with a damped trend.
public struct HoltWintersParameters: Sendable, Equatable {
    /// Level smoothing, in [0, 1].
    public var alpha: Double
    /// Trend smoothing, in [0, 1].
    public var beta: Double
    /// Seasonal smoothing, in [0, 1 - alpha].
    public var gamma: Double
    /// Trend damping, in (0, 1]; 1 is an undamped trend.
    public var phi: Double

    /// Creates parameters.
    public init(alpha: Double, beta: Double, gamma: Double, phi: Double = 1) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.phi = phi
    }
}

/// Additive Holt-Winters (error-correction recursion of statsmodels/Hyndman) with a damped trend.
///
/// `l = a(y - s) + (1-a)(l' + φb')`, `b = B(l - l') + (1-B)φb'`, `s = g(y - l' - φb') + (1-g)s`,
/// where `s` is the seasonal term one season ago. Each ``update(with:)`` is O(1).
public struct HoltWinters: Sendable, Equatable {
    /// The smoothing parameters.
    public var parameters: HoltWintersParameters
    /// The current level.
    public private(set) var level: Double
    /// The current trend per step.
    public private(set) var trend: Double
    /// The seasonal terms as a ring; `seasons[next]` applies to the next step.
    private var seasons: [Double]
    /// Index of the seasonal term of the next step.
    private var next: Int

    /// Creates a model from its initial state; `seasons[0]` applies to the first update.
    public init(parameters: HoltWintersParameters, level: Double, trend: Double, seasons: [Double]) {
        precondition(!seasons.isEmpty, "a season needs at least one term")
        self.parameters = parameters
        self.level = level
        self.trend = trend
        self.seasons = seasons
        self.next = 0
    }

    /// The number of steps in one season.
    public var seasonLength: Int { seasons.count }

    /// The seasonal terms, oldest (the next step's) first.
    public var seasonsOldestFirst: [Double] { Array(seasons[next...] + seasons[..<next]) }

    /// The forecast of the next step.
    public var oneStepForecast: Double { level + parameters.phi * trend + seasons[next] }

    /// Feeds one observation and returns its one-step error (observation minus forecast).
    @discardableResult
    public mutating func update(with value: Double) -> Double {
        let p = parameters
        let previousLevel = level
        let dampedTrend = p.phi * trend
        let season = seasons[next]
        let error = value - (previousLevel + dampedTrend + season)
        level = p.alpha * (value - season) + (1 - p.alpha) * (previousLevel + dampedTrend)
        trend = p.beta * (level - previousLevel) + (1 - p.beta) * dampedTrend
        seasons[next] = p.gamma * (value - previousLevel - dampedTrend) + (1 - p.gamma) * season
        next = next + 1 == seasons.count ? 0 : next + 1
        return error
    }

    /// Advances `steps` steps with no observation, as if each had equalled its forecast. O(1).
    ///
    /// With a zero error the recursion leaves the seasons untouched, moves the level along the
    /// damped trend and damps the trend, so the closed form is exact.
    public mutating func skip(steps: Int) {
        guard steps > 0 else { return }
        let phi = parameters.phi
        level += trend * dampedSum(phi: phi, steps: steps)
        trend *= phi == 1 ? 1 : pow(phi, Double(steps))
        next = (next + steps) % seasons.count
    }

    /// The textbook forecast `h` steps ahead (`h >= 1`): level, damped trend, the latest seasonal term.
    public func forecast(steps h: Int) -> Double {
        precondition(h >= 1, "the horizon starts at one step")
        let season = seasons[(next + h - 1) % seasons.count]
        return level + trend * dampedSum(phi: parameters.phi, steps: h) + season
    }
}

/// `φ + φ² + … + φʰ` (equals `h` when `φ = 1`).
func dampedSum(phi: Double, steps h: Int) -> Double {
    if phi == 1 { return Double(h) }
    return phi * (1 - pow(phi, Double(h))) / (1 - phi)
}

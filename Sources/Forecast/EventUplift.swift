import Foundation

/// A known future event window whose forecast is scaled (e.g. a sales day expected at 3.5 × usual load).
public struct EventUplift: Sendable, Equatable {
    /// When the event runs.
    public var interval: DateInterval
    /// The factor applied to the forecast and its interval inside the window.
    public var factor: Double

    /// Creates an uplift.
    public init(interval: DateInterval, factor: Double) {
        self.interval = interval
        self.factor = factor
    }
}

extension Array where Element == EventUplift {
    /// The combined factor of every uplift covering `time` (1 when none does).
    func factor(at time: Date) -> Double {
        reduce(1) { $1.interval.contains(time) ? $0 * $1.factor : $0 }
    }
}

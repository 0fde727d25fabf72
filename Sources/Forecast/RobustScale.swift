/// A running scale of one-step errors that clips outliers before they reach the model state (a robust level).
struct RobustScale: Sendable, Equatable {
    /// Errors beyond `limit × scale` are clipped to it; nil disables clipping.
    var limit: Double?
    /// The weight of each new error in the running scale.
    var rate = 0.01
    /// The current mean absolute error estimate; nil until the first error.
    private(set) var scale: Double?

    /// Returns the error to feed the model and updates the scale with the raw error.
    mutating func filter(_ error: Double) -> Double {
        guard let current = scale else {
            scale = abs(error)
            return error
        }
        var clipped = error
        if let limit, current > 0 {
            let bound = limit * current
            clipped = min(max(error, -bound), bound)
        }
        let capped = current > 0 ? min(abs(error), 3 * current) : abs(error)
        scale = (1 - rate) * current + rate * capped
        return clipped
    }
}

/// A service-level target: `fraction` of contacts answered within `within` seconds (e.g. 80 % in 20 s).
public struct ServiceLevelTarget: Hashable, Sendable, CustomStringConvertible {
    /// The fraction of contacts to answer in time, in (0, 1].
    public let fraction: Double
    /// The answer time the fraction refers to, in seconds (zero means "answered without waiting").
    public let within: Double

    /// Creates a target; `validated()` checks it.
    public init(fraction: Double, within: Double) {
        self.fraction = fraction
        self.within = within
    }

    /// The target as a person writes it, e.g. `80% in 20s`.
    public var description: String {
        "\(StaffingReport.percent(fraction)) in \(StaffingReport.seconds(within))"
    }

    /// Throws `StaffingError.invalidTarget` unless the fraction is in (0, 1] and the time is finite and ≥ 0.
    public func validate() throws(StaffingError) {
        guard fraction > 0, fraction <= 1 else {
            throw StaffingError.invalidTarget.with(
                "the service-level fraction must be above 0% and at most 100% (got \(StaffingReport.percent(fraction)))"
            )
        }
        guard within.isFinite, within >= 0 else {
            throw StaffingError.invalidTarget.with(
                "the service-level answer time must be zero or more seconds (got \(within.plain))")
        }
    }
}

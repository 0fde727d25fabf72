/// A staffing question that cannot be answered: invalid input or a target beyond reach.
///
/// Errors compare equal by kind (`error == StaffingError.invalidHandleTime`), whatever their message says.
public struct StaffingError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case invalidVolume, invalidPeriod, invalidHandleTime, invalidTraffic
        case invalidTarget, invalidShrinkage, invalidMaximumOccupancy, invalidPatience
        case invalidAgents, unreachableTarget, tooMuchWork
    }

    private let code: Code
    /// What failed and what to do about it, in one sentence a person can act on.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// Errors of the same kind are equal, whatever their message.
    public static func == (lhs: StaffingError, rhs: StaffingError) -> Bool { lhs.code == rhs.code }

    /// Hashes the kind only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// The volume is not a positive, finite number of contacts.
    public static let invalidVolume = StaffingError(.invalidVolume, "the volume must be a positive number of contacts")
    /// The period the volume arrives in is not a positive, finite number of seconds.
    public static let invalidPeriod = StaffingError(.invalidPeriod, "the period must be a positive duration")
    /// The average handle time is not a positive, finite number of seconds.
    public static let invalidHandleTime = StaffingError(
        .invalidHandleTime, "the handle time must be a positive duration")
    /// The offered traffic is not a positive, finite number of Erlangs.
    public static let invalidTraffic = StaffingError(
        .invalidTraffic, "the traffic must be a positive number of Erlangs")
    /// The service-level fraction is outside (0, 1] or its answer time is negative.
    public static let invalidTarget = StaffingError(
        .invalidTarget, "the service-level target must be a fraction in (0, 1] within a non-negative time")
    /// The shrinkage is outside [0, 1).
    public static let invalidShrinkage = StaffingError(
        .invalidShrinkage, "the shrinkage must be at least 0% and below 100%")
    /// The maximum occupancy is outside (0, 1].
    public static let invalidMaximumOccupancy = StaffingError(
        .invalidMaximumOccupancy, "the maximum occupancy must be above 0% and at most 100%")
    /// The average patience is not a positive, finite number of seconds.
    public static let invalidPatience = StaffingError(.invalidPatience, "the patience must be a positive duration")
    /// A number of agents below one, or a search bound below one.
    public static let invalidAgents = StaffingError(.invalidAgents, "the number of agents must be at least 1")
    /// No number of agents up to the search bound meets the target.
    public static let unreachableTarget = StaffingError(
        .unreachableTarget, "no number of agents up to the search bound meets the target")
    /// The question needs more computation than the library allows itself (the message says why).
    public static let tooMuchWork = StaffingError(.tooMuchWork, "the computation exceeds its work bound")

    /// The request field at fault, when one input alone is to blame (for diagnostics that point at it).
    public var field: StaffingRequest.Field? {
        switch code {
        case .invalidVolume: .volume
        case .invalidPeriod: .period
        case .invalidHandleTime: .handleTime
        case .invalidTarget: .target
        case .invalidShrinkage: .shrinkage
        case .invalidMaximumOccupancy: .maximumOccupancy
        case .invalidPatience, .tooMuchWork: .patience
        case .invalidAgents: .searchLimit
        case .invalidTraffic, .unreachableTarget: nil
        }
    }

    /// A copy of this error with a more specific message (same kind).
    func with(_ message: String) -> StaffingError { StaffingError(code, message) }
}

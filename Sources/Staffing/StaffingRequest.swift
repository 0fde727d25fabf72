/// A staffing question: how many agents handle `volume` contacts per `period` to meet `target`?
///
/// Times are in seconds. Build one from plain values (the plan language bridges to it) and answer it with
/// `StaffingResult(for:)`.
public struct StaffingRequest: Hashable, Sendable {
    /// The inputs of a request, to name the one an error is about.
    public enum Field: String, Hashable, Sendable, CaseIterable {
        /// `volume`.
        case volume
        /// `period`.
        case period
        /// `handleTime`.
        case handleTime
        /// `target`.
        case target
        /// `shrinkage`.
        case shrinkage
        /// `maximumOccupancy`.
        case maximumOccupancy
        /// `patience`.
        case patience
        /// `searchLimit`.
        case searchLimit
    }

    /// The number of contacts that arrive in one `period`.
    public var volume: Double
    /// The length of the period the volume arrives in, in seconds.
    public var period: Double
    /// The average handle time of one contact, in seconds.
    public var handleTime: Double
    /// The service level to meet.
    public var target: ServiceLevelTarget
    /// The fraction of paid time agents are unavailable (breaks, training, absence), in [0, 1).
    public var shrinkage: Double
    /// The highest acceptable occupancy, in (0, 1]; 1 means no cap.
    public var maximumOccupancy: Double
    /// The mean patience of waiting contacts in seconds; `nil` assumes infinite patience (Erlang C).
    public var patience: Double?
    /// The largest number of agents the search may consider before declaring the target unreachable.
    public var searchLimit: Int

    /// Creates a request; `StaffingResult(for:)` validates it.
    public init(
        volume: Double, period: Double, handleTime: Double, target: ServiceLevelTarget, shrinkage: Double = 0,
        maximumOccupancy: Double = 1, patience: Double? = nil, searchLimit: Int = ErlangC.defaultSearchLimit
    ) {
        self.volume = volume
        self.period = period
        self.handleTime = handleTime
        self.target = target
        self.shrinkage = shrinkage
        self.maximumOccupancy = maximumOccupancy
        self.patience = patience
        self.searchLimit = searchLimit
    }

    /// The offered load in Erlangs: `volume × handleTime / period`.
    public var traffic: Double { volume * handleTime / period }

    /// Throws the first problem found, with a message naming the bad value and the expected range.
    public func validate() throws(StaffingError) {
        guard volume.isFinite, volume > 0 else {
            throw StaffingError.invalidVolume.with(
                "the volume must be a positive number of contacts (got \(volume.plain))")
        }
        guard period.isFinite, period > 0 else {
            throw StaffingError.invalidPeriod.with(
                "the period must be a positive number of seconds (got \(period.plain))")
        }
        guard handleTime.isFinite, handleTime > 0 else {
            throw StaffingError.invalidHandleTime.with(
                "the handle time must be a positive number of seconds (got \(handleTime.plain))")
        }
        try target.validate()
        guard shrinkage >= 0, shrinkage < 1 else {
            throw StaffingError.invalidShrinkage.with(
                "the shrinkage must be at least 0% and below 100% (got \(StaffingReport.percent(shrinkage)))")
        }
        try ErlangC.validate(maximumOccupancy: maximumOccupancy, searchLimit: searchLimit)
        guard traffic.isFinite, traffic < Double(searchLimit) else {
            throw StaffingError.unreachableTarget.with(
                "the traffic of \(traffic.plain) Erlangs needs more than the search limit of \(searchLimit) agents; "
                    + "check the volume, period and handle time, or raise the search limit")
        }
        if let patience {
            _ = try ErlangA(traffic: traffic, handleTime: handleTime, patience: patience)
        }
    }
}

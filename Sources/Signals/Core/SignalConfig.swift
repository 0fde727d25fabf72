/// Everything needed to poll, validate and judge one signal: the value the lead bridges plan definitions to.
public struct SignalConfig: Sendable, Hashable {
    /// The signal's unique name, e.g. `web_rps`.
    public var name: String
    /// Where values come from.
    public var source: SourceConfig
    /// Numbers or state flags (default: the source's natural kind).
    public var kind: SignalKind
    /// The nominal time between polls (for push signals: how often values are expected).
    public var interval: Duration
    /// The longest one poll may take before it counts as failed.
    public var timeout: Duration
    /// Random spread of each delay, as a fraction of it (0.1 = ±10 %).
    public var jitter: Double
    /// The longest delay after repeated failures (exponential backoff stops growing here).
    public var maxBackoff: Duration
    /// Values outside this range are bad samples (e.g. `0...100` for a percentage).
    public var validRange: ClosedRange<Double>?
    /// The signal is stale when no good sample arrived for this long (default: 3 intervals).
    public var staleAfter: Duration
    /// How many samples the history keeps for this signal.
    public var historyCapacity: Int
    /// How far in the future a source timestamp may lie before the sample is rejected.
    public var futureTolerance: Duration

    /// Creates a definition with the documented defaults.
    public init(
        name: String, source: SourceConfig, kind: SignalKind? = nil, interval: Duration = .seconds(30),
        timeout: Duration = .seconds(10), jitter: Double = 0.1, maxBackoff: Duration? = nil,
        validRange: ClosedRange<Double>? = nil, staleAfter: Duration? = nil, historyCapacity: Int = 40_320,
        futureTolerance: Duration = .seconds(30)
    ) {
        self.name = name
        self.source = source
        self.kind = kind ?? source.defaultKind
        self.interval = interval
        self.timeout = timeout
        self.jitter = jitter
        self.maxBackoff = maxBackoff ?? max(interval * 10, .seconds(300))
        self.validRange = validRange
        self.staleAfter = staleAfter ?? interval * 3
        self.historyCapacity = historyCapacity
        self.futureTolerance = futureTolerance
    }

    /// The validator for this signal's samples.
    public var validator: SampleValidator {
        SampleValidator(kind: kind, validRange: validRange, futureTolerance: futureTolerance)
    }

    /// The polling schedule for this signal.
    public var schedule: PollSchedule {
        PollSchedule(interval: interval, jitter: jitter, maxBackoff: maxBackoff)
    }
}

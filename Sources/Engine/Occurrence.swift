import Foundation

/// Where an occurrence is in its life: foreseen → notified → started → ended, or cancelled.
public enum OccurrenceState: String, Sendable, Hashable, Codable {
    /// Foreseen, nobody told yet.
    case foreseen
    /// At least one notice issued.
    case notified
    /// The contingency is happening.
    case started
    /// Over.
    case ended
    /// Called off before it started.
    case cancelled

    /// Whether the occurrence is still open (foreseen, notified or started).
    public var isOpen: Bool { self == .foreseen || self == .notified || self == .started }
}

/// One foreseen instance of a plan's contingency, with a stable id.
public struct Occurrence: Sendable, Hashable, Codable {
    /// `plan/triggerKey/onset` with the onset first foreseen (ISO 8601 UTC); never changes.
    public var id: String
    /// The plan's id.
    public var plan: String
    /// What foresaw it, e.g. `forecast:checkout_rps` or `event:sales-days:CyberDay`.
    public var triggerKey: String
    /// When the contingency is expected to hit (moves with a forecast).
    public var onset: Date
    /// When it is expected to end (nil when unknown).
    public var end: Date?
    /// The current state.
    public var state: OccurrenceState
    /// When it was first foreseen.
    public var foreseenAt: Date
    /// When it started, ended or was cancelled.
    public var startedAt: Date?
    public var endedAt: Date?
    public var cancelledAt: Date?
    /// Steps done (sent or deliberately skipped), as `action:step`, e.g. `0:before-3d`.
    public var completedSteps: Set<String> = []
    /// Values known when foreseen (expected load, capacity, signal value), as text for messages.
    public var values: [String: String] = [:]

    /// Creates an occurrence in the foreseen state.
    public init(plan: String, triggerKey: String, onset: Date, end: Date?, foreseenAt: Date) {
        self.id = Self.id(plan: plan, triggerKey: triggerKey, onset: onset)
        self.plan = plan
        self.triggerKey = triggerKey
        self.onset = onset
        self.end = end
        self.state = .foreseen
        self.foreseenAt = foreseenAt
    }

    /// The stable id of an occurrence: plan, trigger key and onset (whole seconds, UTC).
    public static func id(plan: String, triggerKey: String, onset: Date) -> String {
        "\(plan)/\(triggerKey)/\(EngineFormat.iso(onset))"
    }

    /// When the occurrence stopped being merely foreseen (start or cancellation), if it did.
    public var foreseenUntil: Date? { [startedAt, cancelledAt].compactMap { $0 }.min() }
}

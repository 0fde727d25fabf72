import Foundation

/// What an SMS gateway reported about a notice after accepting it (Kannel's `dlr-url` callback).
public struct DeliveryReport: Sendable, Equatable, Codable {
    /// The report's meaning, from the gateway's status code.
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        /// Delivered to the handset (Kannel 1).
        case delivered
        /// Delivery to the handset failed (Kannel 2).
        case failed
        /// Buffered at the SMSC, not yet delivered (Kannel 4).
        case buffered
        /// Accepted by the SMSC (Kannel 8).
        case accepted
        /// Rejected by the SMSC (Kannel 16).
        case rejected

        /// Whether no later report can change it (delivered, failed or rejected).
        public var isFinal: Bool { self == .delivered || self == .failed || self == .rejected }
    }

    /// The notice's id.
    public var noticeID: String
    /// The outcome.
    public var outcome: Outcome
    /// The gateway's raw status code.
    public var code: Int
    /// When the report arrived (UTC).
    public var at: Date

    /// Creates a report.
    public init(noticeID: String, outcome: Outcome, code: Int, at: Date) {
        self.noticeID = noticeID
        self.outcome = outcome
        self.code = code
        self.at = at
    }
}

/// A receiver switched off after it answered 410 Gone; it stays off across restarts until re-enabled.
public struct DisabledReceiver: Sendable, Equatable {
    /// The receiver's name.
    public var name: String
    /// Why (the response that disabled it).
    public var reason: String
    /// When it was disabled (UTC).
    public var since: Date

    /// Creates a record.
    public init(name: String, reason: String, since: Date) {
        self.name = name
        self.reason = reason
        self.since = since
    }
}

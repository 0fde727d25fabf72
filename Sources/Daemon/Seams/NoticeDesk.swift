import Foundation

/// A notice as the API lists it (filled in by the store/dispatcher, issue 5).
public struct NoticeSummary: Sendable, Hashable, Codable {
    /// The notice id (also the webhook idempotency key).
    public var id: String
    /// The plan it belongs to.
    public var planID: String
    /// The receiver it goes to.
    public var receiver: String
    /// Its state (`pending`, `sent`, `delivered`, `failed`, `dead`, `suppressed`).
    public var state: String
    /// When it was created (UTC).
    public var createdAt: Date
    /// The gateway's latest delivery report (`delivered`, `failed`, `buffered`, `accepted`, `rejected`), if any.
    public var deliveryReport: String?
    /// When that report arrived (UTC).
    public var deliveryReportAt: Date?

    /// Creates a notice summary.
    public init(
        id: String, planID: String, receiver: String, state: String, createdAt: Date, deliveryReport: String? = nil,
        deliveryReportAt: Date? = nil
    ) {
        self.id = id
        self.planID = planID
        self.receiver = receiver
        self.state = state
        self.createdAt = createdAt
        self.deliveryReport = deliveryReport
        self.deliveryReportAt = deliveryReportAt
    }
}

/// A suppression (opt-out) of one recipient on one channel, as the API takes it.
public struct Suppression: Sendable, Hashable, Codable {
    /// The address: an E.164 phone number, an e-mail or a webhook receiver name.
    public var address: String
    /// The channel (`sms`, `webhook`, …); nil means all channels.
    public var channel: String?
    /// Why (free text, kept for the audit trail).
    public var reason: String?

    /// Creates a suppression.
    public init(address: String, channel: String? = nil, reason: String? = nil) {
        self.address = address
        self.channel = channel
        self.reason = reason
    }
}

/// A mobile-originated SMS from a gateway (opt-out words, START).
public struct InboundMessage: Sendable, Hashable, Codable {
    /// The sender's number.
    public var from: String
    /// The message text.
    public var text: String
    /// The plans' SMS receiver it arrived through, which sends the confirmation (nil: the first SMS receiver).
    public var receiver: String?

    /// Creates an inbound message.
    public init(from: String, text: String, receiver: String? = nil) {
        self.from = from
        self.text = text
        self.receiver = receiver
    }
}

/// The seam the store and dispatcher (issue 5) fill: notices, replays, suppressions, inbound SMS, DLRs.
public protocol NoticeDesk: Sendable {
    /// Notices, optionally only those in `state`.
    func notices(state: String?) async throws -> [NoticeSummary]
    /// Number of notices still waiting to be delivered.
    func pendingCount() async -> Int
    /// Queues notice `id` again with the same id and body; false if there is no such notice; throws
    /// `NoticeDeskConflict` when its state does not allow it (still waiting to be sent).
    func replay(id: String) async throws -> Bool
    /// Records a suppression.
    func suppress(_ suppression: Suppression) async throws
    /// Lifts a suppression; false if there was none.
    func lift(_ suppression: Suppression) async throws -> Bool
    /// Handles a mobile-originated message (opt-out or START).
    func receive(_ message: InboundMessage) async throws
    /// Records a Kannel delivery report given by its query parameters (`id`, `status`, …).
    func deliveryReport(_ parameters: [String: String]) async throws
}

/// A desk request that conflicts with the notice's state (answered 409).
public struct NoticeDeskConflict: Error, Sendable, CustomStringConvertible {
    /// What conflicts and what to do.
    public var message: String

    /// Creates a conflict saying `message`.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

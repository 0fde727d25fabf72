import Foundation

/// What makes a notice unique: one message for one recipient for one step of one occurrence.
public struct NoticeIdentity: Sendable, Hashable, Codable {
    /// The occurrence's stable id.
    public var occurrence: String
    /// The action within the plan.
    public var action: String
    /// The step of the action (e.g. `before-3d`).
    public var step: String
    /// The recipient's stable id (an address or a directory id).
    public var recipient: String

    /// Creates an identity.
    public init(occurrence: String, action: String, step: String, recipient: String) {
        self.occurrence = occurrence
        self.action = action
        self.step = step
        self.recipient = recipient
    }
}

/// Where a notice is in its life; only `pending`, `deferred` and `sending` are unfinished.
public enum NoticeState: String, Sendable, Codable, CaseIterable {
    /// Waiting for its next attempt at `dueAt`.
    case pending
    /// Held back by a policy (quiet hours) until `dueAt`.
    case deferred
    /// An attempt is in flight (a crash here returns it to `pending` on restart).
    case sending
    /// The receiver accepted it.
    case delivered
    /// Failed permanently (a 4xx, a 3xx, a disabled receiver).
    case failed
    /// Retries exhausted: a dead letter.
    case dead
    /// Stopped by a policy (no consent, opt-out, frequency cap) and never sent.
    case suppressed
    /// Withdrawn before it was sent.
    case cancelled

    /// Whether the notice still waits to be sent.
    public var isUnfinished: Bool { self == .pending || self == .deferred || self == .sending }
}

/// One persisted notice: its id (the `webhook-id`), identity, receiver, exact body bytes and state.
public struct NoticeRecord: Sendable, Equatable {
    /// The idempotency key sent as `webhook-id`; never changes once stored.
    public var id: String
    /// The unique identity.
    public var identity: NoticeIdentity
    /// The receiver's name.
    public var receiver: String
    /// The rendered body bytes, sent unchanged on every attempt.
    public var body: [UInt8]
    /// The current state.
    public var state: NoticeState
    /// Why it is in this state (policy stage, HTTP status, error).
    public var reason: String
    /// When it was stored (UTC).
    public var createdAt: Date
    /// When the next attempt is due (UTC).
    public var dueAt: Date
    /// How many attempts were made.
    public var attemptCount: Int
    /// The message before a receiver encoded it (JSON), so a fallback receiver can encode it anew; nil if unknown.
    public var message: [UInt8]?
    /// The latest delivery report from the gateway, if any arrived.
    public var deliveryReport: DeliveryReport?

    /// Creates a record.
    public init(
        id: String, identity: NoticeIdentity, receiver: String, body: [UInt8], state: NoticeState = .pending,
        reason: String = "", createdAt: Date, dueAt: Date, attemptCount: Int = 0, message: [UInt8]? = nil,
        deliveryReport: DeliveryReport? = nil
    ) {
        self.id = id
        self.identity = identity
        self.receiver = receiver
        self.body = body
        self.state = state
        self.reason = reason
        self.createdAt = createdAt
        self.dueAt = dueAt
        self.attemptCount = attemptCount
        self.message = message
        self.deliveryReport = deliveryReport
    }
}

/// One attempt to hand a notice to its receiver.
public struct AttemptRecord: Sendable, Equatable {
    /// The notice's id.
    public var noticeID: String
    /// When the attempt started (UTC).
    public var at: Date
    /// The HTTP status, when a response came.
    public var status: Int?
    /// How long the attempt took, in seconds.
    public var latency: Double
    /// The transport error or a short description of the response, when not delivered.
    public var error: String?

    /// Creates an attempt record.
    public init(noticeID: String, at: Date, status: Int?, latency: Double, error: String?) {
        self.noticeID = noticeID
        self.at = at
        self.status = status
        self.latency = latency
        self.error = error
    }
}

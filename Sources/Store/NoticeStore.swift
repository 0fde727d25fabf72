import Foundation

/// The result of storing a notice: stored now, or already there under its identity.
public enum InsertOutcome: Sendable, Equatable {
    /// The notice was stored.
    case inserted
    /// A notice with the same identity exists; it is returned unchanged.
    case duplicate(NoticeRecord)
}

/// The durable outbox. SQLite (`SQLiteStore`) implements it; a PostgreSQL implementation can follow.
///
/// Implementations enforce the uniqueness of ``NoticeIdentity`` and never change a stored body or id.
public protocol NoticeStore: Sendable {
    /// Stores a new notice, or returns the existing one with the same identity.
    func insert(_ notice: NoticeRecord) async throws -> InsertOutcome
    /// The notice with this id, if any.
    func notice(id: String) async throws -> NoticeRecord?
    /// The notice with this identity, if any.
    func notice(identity: NoticeIdentity) async throws -> NoticeRecord?
    /// Pending or deferred notices due at `now`, oldest due first, atomically marked `sending`.
    func claimDue(at now: Date, limit: Int) async throws -> [NoticeRecord]
    /// Sets a notice's state, reason and next due time.
    func update(id: String, state: NoticeState, reason: String, dueAt: Date?) async throws
    /// Appends an attempt and increments the notice's attempt count.
    func recordAttempt(_ attempt: AttemptRecord) async throws
    /// Appends attempts and sets each notice's resulting state, all in one transaction (group commit).
    func recordAttempts(_ results: [AttemptResult]) async throws
    /// The attempts of a notice, oldest first.
    func attempts(noticeID: String) async throws -> [AttemptRecord]
    /// Returns every `sending` notice to `pending` (run once at start-up, after a crash); returns how many.
    func recoverInterrupted(now: Date) async throws -> Int
    /// How many notices are in each state.
    func countByState() async throws -> [NoticeState: Int]
    /// The earliest `dueAt` of any pending or deferred notice.
    func nextDue() async throws -> Date?
    /// Stores several notices in one transaction; one outcome per notice, in order (see `NoticeStore+Defaults`).
    func insert(contentsOf notices: [NoticeRecord]) async throws -> [InsertOutcome]
    /// Keeps a gateway's delivery report on its notice; false when no notice has that id.
    func recordDeliveryReport(_ report: DeliveryReport) async throws -> Bool
    /// Receivers disabled (410 Gone) and not re-enabled since.
    func disabledReceivers() async throws -> [DisabledReceiver]
    /// Persists that a receiver is disabled.
    func disableReceiver(_ receiver: DisabledReceiver) async throws
    /// Re-enables a receiver; returns whether it was disabled.
    func enableReceiver(name: String) async throws -> Bool
}

/// One attempt together with the state it leads its notice to.
public struct AttemptResult: Sendable, Equatable {
    /// The attempt.
    public var attempt: AttemptRecord
    /// The notice's new state.
    public var state: NoticeState
    /// Why.
    public var reason: String
    /// The next due time, when it changes (a retry).
    public var dueAt: Date?

    /// Creates a result.
    public init(attempt: AttemptRecord, state: NoticeState, reason: String, dueAt: Date?) {
        self.attempt = attempt
        self.state = state
        self.reason = reason
        self.dueAt = dueAt
    }
}

/// An opt-out or a known-bad address that stops every future notice to it on a channel.
public struct Suppression: Sendable, Equatable {
    /// The address (phone number, URL, e-mail).
    public var address: String
    /// The channel, e.g. `sms`.
    public var channel: String
    /// Why (e.g. `opt-out: STOP`, `wrong number`).
    public var reason: String
    /// When it was recorded (UTC).
    public var since: Date
    /// Whether the one opt-out confirmation was already sent.
    public var confirmationSent: Bool

    /// Creates a suppression.
    public init(address: String, channel: String, reason: String, since: Date, confirmationSent: Bool = false) {
        self.address = address
        self.channel = channel
        self.reason = reason
        self.since = since
        self.confirmationSent = confirmationSent
    }
}

/// Per-recipient facts the policy stages read: consent, suppressions, contact counts.
public protocol RecipientStore: Sendable {
    /// The recorded consent of a recipient on a channel: true, false, or nil when never recorded.
    func consent(recipient: String, channel: String) async throws -> Bool?
    /// Records consent (or its withdrawal) at `now`.
    func setConsent(recipient: String, channel: String, granted: Bool, now: Date) async throws
    /// The active suppression of an address on a channel, if any.
    func suppression(address: String, channel: String) async throws -> Suppression?
    /// Records or replaces a suppression.
    func suppress(_ suppression: Suppression) async throws
    /// Removes a suppression (e.g. after START); returns whether one existed.
    func removeSuppression(address: String, channel: String) async throws -> Bool
    /// Counts one contact of a recipient in an audience at `at` (the frequency counter).
    func recordContact(recipient: String, audience: String, at: Date) async throws
    /// How many contacts a recipient had in an audience since `since`.
    func contactCount(recipient: String, audience: String, since: Date) async throws -> Int
    /// The active suppressions among `addresses` on a channel, by address (one read for a whole fan-out).
    func suppressions(addresses: Set<String>, channel: String) async throws -> [String: Suppression]
}

extension RecipientStore {
    /// Looks the addresses up one by one (stores that can should answer in one query).
    public func suppressions(addresses: Set<String>, channel: String) async throws -> [String: Suppression] {
        var found: [String: Suppression] = [:]
        for address in addresses {
            if let suppression = try await suppression(address: address, channel: channel) {
                found[address] = suppression
            }
        }
        return found
    }
}

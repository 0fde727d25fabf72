import Foundation
import Plans
import Zones

/// A notice's identity: (occurrence, action index, step, recipient). The delivery stages dedupe on it.
public struct NoticeKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The occurrence's stable id.
    public var occurrence: String
    /// The action's index in the plan.
    public var action: Int
    /// `before-3d`, `start`, `end` or `cancel`.
    public var step: String
    /// The recipient's id (the receiver's name for webhook actions).
    public var recipient: String

    /// Creates a key.
    public init(occurrence: String, action: Int, step: String, recipient: String) {
        (self.occurrence, self.action, self.step, self.recipient) = (occurrence, action, step, recipient)
    }

    /// `occurrence#action/step/recipient`.
    public var description: String { "\(occurrence)#\(action)/\(step)/\(recipient)" }
}

/// What kind of step a notice is for.
public enum NoticeKind: String, Sendable, Hashable, Codable {
    case advance, start, end, cancel, staffing, webhook
}

/// One notice the engine wants sent, with everything the delivery policy stages need
/// (consent → suppression → dedupe → frequency cap → quiet hours) and the rendered text.
public struct NoticeRequest: Sendable, Hashable {
    /// The identity (dedupe key).
    public var key: NoticeKey
    /// The plan's id.
    public var plan: String
    public var kind: NoticeKind
    /// The receiver to send through.
    public var receiver: String
    /// The audience told (nil for webhook actions).
    public var audience: String?
    /// Customers get consent, caps and quiet hours; staff may get urgent alerts at night.
    public var isCustomer: Bool
    public var isUrgent: Bool
    /// The recipient (nil for webhook actions).
    public var recipient: Recipient?
    /// The recipient's address on the channel: phone for SMS receivers, else the address, else the id.
    public var address: String
    /// The locale the text is rendered in.
    public var locale: String
    /// The zone quiet hours are read in (the recipient's, else the audience's, else the plan's).
    public var timeZone: Zone
    /// The audience's quiet hours and frequency cap (nil for webhooks).
    public var quietHours: ClockRange?
    public var frequencyCap: FrequencyCap?
    /// The rendered text (empty for webhook actions, whose body is `data`).
    public var text: String
    /// Structured fields (the webhook envelope's `data`).
    public var data: [String: String]
    /// When the step was due and when the occurrence's onset is.
    public var dueAt: Date
    public var onset: Date
    /// Sent after its step's moment (learned late, or the engine was down).
    public var isLate: Bool
    /// Marked as a drill.
    public var isDrill: Bool
    /// The Standard Webhooks event type (webhook actions), else `notice.<kind>`.
    public var eventType: String
}

/// A problem the plan's owner must hear about instead of customers being warned.
public struct OwnerAlert: Sendable, Hashable {
    public var plan: String
    /// The owner's recipient id and, when found in a staff audience, the recipient.
    public var owner: String
    public var recipient: Recipient?
    /// `policies.owner_via` (nil when not set: the alert is only logged).
    public var receiver: String?
    /// The signal at fault, if any.
    public var signal: String?
    /// Why, in English (for logs and the table).
    public var reason: String
    /// The rendered text in the owner's locale.
    public var text: String
    /// Issue time.
    public var at: Date
}

/// What the engine decided on a tick. No I/O: the shell acts on these.
public enum Decision: Sendable, Hashable {
    /// A new occurrence is foreseen.
    case foresee(Occurrence)
    /// A foreseen occurrence's onset moved (the id is kept).
    case reschedule(Occurrence)
    /// An occurrence started or ended.
    case start(Occurrence)
    case end(Occurrence)
    /// An occurrence was called off before it started.
    case cancel(Occurrence)
    /// A notice to hand to the delivery stages.
    case enqueue(NoticeRequest)
    /// A due step deliberately not sent (missed, or no staffing gap), with why.
    case skip(occurrence: String, action: Int, step: String, reason: String)
    /// The plan's owner must be told about a problem.
    case alertOwner(OwnerAlert)
}

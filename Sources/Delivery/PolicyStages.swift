import Foundation
import Zones

/// One notice as the policy stages see it.
public struct PolicyCandidate: Sendable, Equatable {
    /// The recipient's stable id (consent, frequency counters).
    public var recipient: String
    /// The address on the channel (suppressions).
    public var address: String
    /// The channel, e.g. `sms` or `webhook`.
    public var channel: String
    /// The audience the recipient was reached through (frequency caps count per audience).
    public var audience: String
    /// The recipient's IANA time zone (quiet hours).
    public var timeZone: Zone
    /// Whether this is a customer notice (consent, caps and quiet hours apply) rather than a staff alert.
    public var isCustomer: Bool
    /// Whether a plan marked it urgent: a staff alert that bypasses quiet hours.
    public var isUrgent: Bool
    /// Whether it answers the recipient's own message (the one opt-out or opt-in confirmation): it goes out at
    /// once, to an address the opt-out just suppressed, and nothing else ever does.
    public var isReply: Bool = false

    /// Creates a candidate.
    public init(
        recipient: String, address: String, channel: String, audience: String, timeZone: Zone,
        isCustomer: Bool, isUrgent: Bool = false, isReply: Bool = false
    ) {
        self.recipient = recipient
        self.address = address
        self.channel = channel
        self.audience = audience
        self.timeZone = timeZone
        self.isCustomer = isCustomer
        self.isUrgent = isUrgent
        self.isReply = isReply
    }
}

/// What the store knows about a candidate, read before the stages run.
public struct PolicyFacts: Sendable, Equatable {
    /// Recorded consent on the channel: true, false, or nil when never recorded.
    public var consent: Bool?
    /// The reason of an active suppression of the address, if any.
    public var suppressionReason: String?
    /// Whether a notice with the same identity already exists.
    public var isDuplicate: Bool
    /// Contacts of the recipient in the audience within the cap's window.
    public var recentContacts: Int

    /// Creates facts.
    public init(consent: Bool?, suppressionReason: String?, isDuplicate: Bool, recentContacts: Int) {
        self.consent = consent
        self.suppressionReason = suppressionReason
        self.isDuplicate = isDuplicate
        self.recentContacts = recentContacts
    }
}

/// The per-audience policy settings.
public struct PolicySettings: Sendable, Equatable {
    /// At most `maximum` contacts per recipient within `window` (nil: no cap).
    public var frequencyCap: (maximum: Int, window: Duration)?
    /// The quiet-hours window (nil: none).
    public var quietHours: QuietHours?

    /// Default settings for customers: 3 per 7 days, quiet 21:00–08:00.
    public static let customerDefault = PolicySettings(
        frequencyCap: (3, .seconds(7 * 86_400)), quietHours: .standard)

    /// Creates settings.
    public init(frequencyCap: (maximum: Int, window: Duration)?, quietHours: QuietHours?) {
        self.frequencyCap = frequencyCap
        self.quietHours = quietHours
    }

    public static func == (lhs: PolicySettings, rhs: PolicySettings) -> Bool {
        lhs.frequencyCap?.maximum == rhs.frequencyCap?.maximum && lhs.frequencyCap?.window == rhs.frequencyCap?.window
            && lhs.quietHours == rhs.quietHours
    }
}

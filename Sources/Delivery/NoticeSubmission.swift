import Foundation
import Store

/// One notice the engine wants sent: identity, who, through which receiver, with which policies and text.
public struct NoticeSubmission: Sendable {
    /// The unique identity (occurrence, action, step, recipient).
    public var identity: NoticeIdentity
    /// The receiver's name (one of the dispatcher's ``ReceiverConfig``s).
    public var receiver: String
    /// What the policy stages need to know about the recipient.
    public var candidate: PolicyCandidate
    /// The audience's policy settings.
    public var settings: PolicySettings
    /// The event type for the webhook envelope, e.g. `notice.issued`.
    public var type: String
    /// The rendered text in the recipient's locale.
    public var text: String
    /// Extra fields for the webhook envelope or a templated body.
    public var data: [String: String]
    /// Whether an SMS text is transliterated to GSM-7 (the audience's `transliterate:`); webhooks ignore it.
    public var transliterates: Bool

    /// Creates a submission.
    public init(
        identity: NoticeIdentity, receiver: String, candidate: PolicyCandidate, settings: PolicySettings,
        type: String = "notice.issued", text: String, data: [String: String] = [:], transliterates: Bool = false
    ) {
        self.identity = identity
        self.receiver = receiver
        self.candidate = candidate
        self.settings = settings
        self.type = type
        self.text = text
        self.data = data
        self.transliterates = transliterates
    }
}

/// What became of a submission.
public enum SubmissionResult: Sendable, Equatable {
    /// Stored in the outbox with this id, due at this instant (later than now when deferred).
    case enqueued(id: String, dueAt: Date, isDeferred: Bool)
    /// Stored as `suppressed` (never sent) with the stage and reason.
    case suppressed(id: String, stage: PolicyStage, reason: String)
    /// A notice with this identity already exists under this id: nothing was done.
    case duplicate(id: String)
}

/// Makes notice ids: `msg_` followed by 24 random base-62 characters (Standard Webhooks style).
public enum NoticeID {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// A fresh random id (uniform over the alphabet: bytes of 248 and above are drawn again).
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        var characters: [Character] = []
        characters.reserveCapacity(24)
        // One 64-bit draw yields 8 bytes; drawing per character cost a system call each.
        while characters.count < 24 {
            var bits = generator.next()
            for _ in 0..<8 where characters.count < 24 {
                let byte = Int(bits & 0xFF)
                bits >>= 8
                if byte < 248 { characters.append(alphabet[byte % 62]) }
            }
        }
        return "msg_" + String(characters)
    }
}

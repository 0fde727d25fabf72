import Foundation

/// What the delivery policy stages (consent → suppression → dedupe → frequency cap → quiet hours → outbox)
/// decided about one notice. The engine does not run them: the shell that does (`forewarn simulate`) records
/// their verdicts here so the report can show them.
public struct NoticePolicy: Sendable, Hashable {
    /// The outcome, as the outbox would hold the notice.
    public enum Outcome: String, Sendable, Hashable {
        /// Put in the outbox, due now.
        case enqueued
        /// Put in the outbox, held until the end of the recipient's quiet hours.
        case deferred
        /// Never sent (no consent, suppressed address, frequency cap).
        case suppressed
        /// A notice with the same identity already exists.
        case duplicate
    }

    /// One stage's verdict.
    public struct Verdict: Sendable, Hashable {
        /// The stage, e.g. `quiet-hours`.
        public var stage: String
        /// Whether the notice went on past it.
        public var passed: Bool
        /// Why, in words an operator reads.
        public var reason: String

        /// Creates a verdict.
        public init(stage: String, passed: Bool, reason: String) {
            (self.stage, self.passed, self.reason) = (stage, passed, reason)
        }
    }

    /// The outcome.
    public var outcome: Outcome
    /// A short label for the timeline, e.g. `deferred: quiet hours → 08:00` or `suppressed: frequency cap`.
    public var label: String
    /// When the outbox would send it (nil when it never would).
    public var dueAt: Date?
    /// Every stage that ran, in order.
    public var trail: [Verdict]

    /// Creates a policy record.
    public init(outcome: Outcome, label: String, dueAt: Date?, trail: [Verdict]) {
        (self.outcome, self.label, self.dueAt, self.trail) = (outcome, label, dueAt, trail)
    }
}

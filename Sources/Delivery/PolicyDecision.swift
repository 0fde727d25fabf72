import CivilDay
import Foundation

/// A policy stage, in the order they run.
public enum PolicyStage: String, Sendable, CaseIterable {
    case consent, suppression, dedupe, frequencyCap = "frequency-cap", quietHours = "quiet-hours", outbox
}

/// One stage's verdict with its reason; every decision is recorded.
public struct StageVerdict: Sendable, Equatable {
    /// The stage.
    public var stage: PolicyStage
    /// Whether the notice went on past this stage.
    public var passed: Bool
    /// Why, in words an operator reads.
    public var reason: String
}

/// The outcome of all stages.
public enum PolicyOutcome: Sendable, Equatable {
    /// Put it in the outbox, due at this instant (now, or the end of the quiet hours).
    case enqueue(dueAt: Date, isDeferred: Bool)
    /// Never send it (no consent, suppressed, capped): store it as `suppressed` with the reason.
    case suppress(stage: PolicyStage, reason: String)
    /// It already exists: do nothing.
    case duplicate
}

/// The policy pipeline: consent → suppression → dedupe → frequency cap → quiet hours → outbox. Pure.
public enum PolicyPipeline {
    /// Runs every stage in order and returns the outcome with the verdict of each stage that ran.
    public static func evaluate(
        _ candidate: PolicyCandidate, facts: PolicyFacts, settings: PolicySettings, now: Date
    ) -> (outcome: PolicyOutcome, trail: [StageVerdict]) {
        var trail: [StageVerdict] = []
        func stop(_ stage: PolicyStage, _ reason: String) -> (PolicyOutcome, [StageVerdict]) {
            trail.append(StageVerdict(stage: stage, passed: false, reason: reason))
            return (.suppress(stage: stage, reason: reason), trail)
        }
        if candidate.isCustomer {
            guard facts.consent == true else {
                return stop(.consent, facts.consent == false ? "consent withdrawn" : "no consent recorded")
            }
            trail.append(StageVerdict(stage: .consent, passed: true, reason: "consent recorded"))
        } else {
            trail.append(StageVerdict(stage: .consent, passed: true, reason: "staff: consent not required"))
        }
        if let reason = facts.suppressionReason {
            guard candidate.isReply else { return stop(.suppression, "address suppressed: \(reason)") }
            trail.append(StageVerdict(stage: .suppression, passed: true, reason: "reply to the recipient's \(reason)"))
        } else {
            trail.append(StageVerdict(stage: .suppression, passed: true, reason: "not suppressed"))
        }
        if facts.isDuplicate {
            trail.append(StageVerdict(stage: .dedupe, passed: false, reason: "already issued for this step"))
            return (.duplicate, trail)
        }
        trail.append(StageVerdict(stage: .dedupe, passed: true, reason: "first notice for this step"))
        if candidate.isCustomer, let cap = settings.frequencyCap, facts.recentContacts >= cap.maximum {
            return stop(.frequencyCap, "\(facts.recentContacts) contacts in the window, cap \(cap.maximum)")
        }
        trail.append(StageVerdict(stage: .frequencyCap, passed: true, reason: "under the cap"))
        var dueAt = now
        let bypassesQuietHours = (candidate.isUrgent && !candidate.isCustomer) || candidate.isReply
        if let quiet = settings.quietHours, !bypassesQuietHours,
            let end = quiet.end(containing: now, in: candidate.timeZone)
        {
            dueAt = end
            trail.append(
                StageVerdict(
                    stage: .quietHours, passed: true,
                    reason: "quiet hours in \(candidate.timeZone.identifier): deferred to \(CivilDay.iso8601(end))"))
        } else {
            let why =
                candidate.isReply
                ? "reply to the recipient's own message: sent at once"
                : bypassesQuietHours ? "urgent staff alert: bypasses quiet hours" : "outside quiet hours"
            trail.append(StageVerdict(stage: .quietHours, passed: true, reason: why))
        }
        trail.append(StageVerdict(stage: .outbox, passed: true, reason: "enqueued"))
        return (.enqueue(dueAt: dueAt, isDeferred: dueAt > now), trail)
    }
}

import Delivery
import Engine
import Foundation
import Plans
import Store

/// The delivery policy stages on `simulate`'s virtual clock: Delivery's pure `PolicyPipeline` over an in-memory
/// recipient store (consent as the plan's recipients record it, no suppressions, the notices issued so far for
/// dedupe, and the contacts counted per recipient and audience for the frequency cap).
struct SimulatedPolicies {
    /// The policy channel per receiver name (`sms` or `webhook`).
    let channels: [String: String]
    /// The identities already in the simulated outbox.
    private var issued: Set<NoticeIdentity> = []
    /// Contact instants per `recipient|audience`, as the dispatcher records them (enqueued customer notices).
    private var contacts: [String: [Date]] = [:]

    /// Policies for the receivers of `planSet`.
    init(planSet: PlanSet) {
        channels = planSet.receivers.mapValues { $0.kind.isSMS ? "sms" : "webhook" }
    }

    /// Runs every notice of `outcome` through the stages at the instant it was issued; keys are entry indices.
    mutating func evaluate(_ outcome: Simulator.Outcome) -> [Int: NoticePolicy] {
        var result: [Int: NoticePolicy] = [:]
        for (index, entry) in outcome.entries.enumerated() {
            guard case .enqueue(let notice) = entry.decision else { continue }
            result[index] = evaluate(notice, at: entry.at)
        }
        return result
    }

    /// One notice through consent → suppression → dedupe → frequency cap → quiet hours → outbox at `now`.
    mutating func evaluate(_ notice: NoticeRequest, at now: Date) -> NoticePolicy {
        let submission = NoticeSubmission(request: notice, channel: channels[notice.receiver] ?? "webhook")
        let candidate = submission.candidate
        let counter = candidate.recipient + "|" + candidate.audience
        var recent = 0
        if let cap = submission.settings.frequencyCap {
            let since = now.addingTimeInterval(-Double(cap.window.components.seconds))
            recent = contacts[counter, default: []].filter { $0 >= since }.count
        }
        let facts = PolicyFacts(
            consent: candidate.isCustomer ? notice.recipient?.hasConsent : nil, suppressionReason: nil,
            isDuplicate: issued.contains(submission.identity), recentContacts: recent)
        let (decision, trail) = PolicyPipeline.evaluate(
            candidate, facts: facts, settings: submission.settings, now: now)
        let verdicts = trail.map {
            NoticePolicy.Verdict(stage: $0.stage.rawValue, passed: $0.passed, reason: $0.reason)
        }
        switch decision {
        case .duplicate:
            return NoticePolicy(outcome: .duplicate, label: "duplicate", dueAt: nil, trail: verdicts)
        case .suppress(let stage, _):
            issued.insert(submission.identity)
            return NoticePolicy(
                outcome: .suppressed, label: "suppressed: \(Self.name(of: stage))", dueAt: nil, trail: verdicts)
        case .enqueue(let dueAt, let isDeferred):
            issued.insert(submission.identity)
            if candidate.isCustomer { contacts[counter, default: []].append(now) }
            guard isDeferred else {
                return NoticePolicy(outcome: .enqueued, label: "sent", dueAt: dueAt, trail: verdicts)
            }
            let local = EngineFormat.local(dueAt, zone: candidate.timeZone, locale: "en")
            return NoticePolicy(
                outcome: .deferred, label: "deferred: quiet hours → \(local.time)", dueAt: dueAt, trail: verdicts)
        }
    }

    /// A stage as the timeline names it.
    static func name(of stage: PolicyStage) -> String {
        switch stage {
        case .consent: "no consent"
        case .suppression: "opted out"
        case .dedupe: "duplicate"
        case .frequencyCap: "frequency cap"
        case .quietHours: "quiet hours"
        case .outbox: "outbox"
        }
    }
}

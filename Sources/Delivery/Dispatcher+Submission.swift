import Foundation
import Store

extension Dispatcher {
    /// Runs the policy stages and stores the notice (or its suppression); never sends by itself.
    public func submit(_ submission: NoticeSubmission) async throws -> SubmissionResult {
        try await submit(contentsOf: [submission])[0]
    }

    /// Runs the policy stages for each submission and stores them all in one transaction (a fan-out's commit).
    ///
    /// Every notice is persisted before the loop can claim it. Throws, storing nothing, when a submission names an
    /// unknown receiver or its body cannot be built. Results are in the order of `submissions`.
    public func submit(contentsOf submissions: [NoticeSubmission]) async throws -> [SubmissionResult] {
        let instant = now()
        let configs = try submissions.map { submission in
            guard let receiver = receivers[submission.receiver] else {
                throw DeliveryError("unknown receiver '\(submission.receiver)'; define it before using it")
            }
            return receiver
        }
        var facts = try await PolicyFactsCache.load(for: submissions, from: recipients)
        var records: [NoticeRecord] = []
        var verdicts: [SubmissionResult] = []
        var sources: [Int] = []  // the submission index of each record
        var results: [SubmissionResult?] = Array(repeating: nil, count: submissions.count)
        records.reserveCapacity(submissions.count)
        for (index, (submission, receiver)) in zip(submissions, configs).enumerated() {
            let candidate = submission.candidate
            // A capped customer notice already stored must not count as a contact of this batch: look it up.
            // Other notices rely on the store's uniqueness (no read per identity in a fan-out).
            if candidate.isCustomer, submission.settings.frequencyCap != nil,
                let existing = try await store.notice(identity: submission.identity)
            {
                results[index] = .duplicate(id: existing.id)
                options.metrics.count(outcome: "duplicate")
                continue
            }
            let (outcome, trail) = PolicyPipeline.evaluate(
                candidate, facts: try await facts.facts(for: submission, at: instant, from: recipients),
                settings: submission.settings, now: instant)
            let id = NoticeID.make()
            let message = makeMessage(submission, id: id, receiver: receiver, at: instant)
            let kept = try receiver.fallback.map { _ in try StoredMessage(message).encoded() }
            var record = NoticeRecord(
                id: id, identity: submission.identity, receiver: receiver.name,
                body: try receiver.kind.encoding.makeBody(for: message), createdAt: instant, dueAt: instant,
                message: kept)
            switch outcome {
            case .suppress(let stage, let reason):
                record.state = .suppressed
                record.reason = "\(stage.rawValue): \(reason)"
                verdicts.append(.suppressed(id: id, stage: stage, reason: reason))
            case .duplicate:  // not reached: the store's uniqueness dedupes (facts.isDuplicate is false)
                record.state = .suppressed
                record.reason = "dedupe: already issued for this step"
                verdicts.append(.duplicate(id: id))
            case .enqueue(let dueAt, let isDeferred):
                record.state = isDeferred ? .deferred : .pending
                record.reason = trail.last { $0.stage == .quietHours }?.reason ?? "enqueued"
                record.dueAt = dueAt
                verdicts.append(.enqueued(id: id, dueAt: dueAt, isDeferred: isDeferred))
                if candidate.isCustomer { facts.countContact(of: submission) }
            }
            logger.debug(
                "notice evaluated",
                metadata: [
                    "notice.id": "\(id)", "receiver": "\(receiver.name)",
                    "policy": "\(trail.map { "\($0.stage.rawValue)=\($0.reason)" })",
                ])
            records.append(record)
            sources.append(index)
        }
        // The identity is unique in the store: a notice already stored comes back as a duplicate, untouched.
        let outcomes = try await store.insert(contentsOf: records)
        for (position, outcome) in outcomes.enumerated() {
            let index = sources[position]
            switch outcome {
            case .duplicate(let other):
                results[index] = .duplicate(id: other.id)
                options.metrics.count(outcome: "duplicate")
            case .inserted:
                results[index] = verdicts[position]
                try await noteInserted(verdicts[position], of: submissions[index], at: instant)
            }
        }
        if verdicts.contains(where: { if case .enqueued = $0 { true } else { false } }) { wakeUp.yield() }
        return results.map { $0 ?? .duplicate(id: "") }
    }

    private func noteInserted(_ result: SubmissionResult, of submission: NoticeSubmission, at instant: Date)
        async throws
    {
        switch result {
        case .enqueued(_, _, let isDeferred):
            options.metrics.count(outcome: isDeferred ? "deferred" : "enqueued")
            if submission.candidate.isCustomer {
                try await recipients.recordContact(
                    recipient: submission.candidate.recipient, audience: submission.candidate.audience, at: instant)
            }
        case .suppressed:
            options.metrics.count(outcome: "suppressed")
        case .duplicate:
            options.metrics.count(outcome: "duplicate")
        }
    }

    /// The message as the receiver will encode it; SMS texts are transliterated when the audience asks for it.
    func makeMessage(_ submission: NoticeSubmission, id: String, receiver: ReceiverConfig, at instant: Date)
        -> OutboundMessage
    {
        let transliterates =
            submission.transliterates || options.transliteratedAudiences.contains(submission.candidate.audience)
        let text =
            transliterates && receiver.kind.channel == "sms"
            ? SMSTransliteration.apply(to: submission.text) : submission.text
        return OutboundMessage(
            noticeID: id, type: submission.type, createdAt: instant, to: submission.candidate.address, text: text,
            data: submission.data)
    }
}

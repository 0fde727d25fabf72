import CivilDay
import Delivery
import Engine
import Foundation
import Plans
import Store
import Zones

extension LiveEngine {
    /// Acts on one tick's decisions: its notices and owner alerts go to the dispatcher together, in one
    /// transaction (`submit(contentsOf:)`), after their consents are recorded; the rest is logged.
    func act(on decisions: [Decision]) async {
        var submissions: [NoticeSubmission] = []
        for decision in decisions {
            switch decision {
            case .enqueue(let request):
                let channel = channels[request.receiver] ?? "webhook"
                await recordPlanConsent(of: request, channel: channel)
                submissions.append(NoticeSubmission(request: request, channel: channel))
            case .alertOwner(let alert):
                guard let receiver = alert.receiver else {
                    logger.warning(
                        "Owner '\(alert.owner)' of plan '\(alert.plan)' must be told: \(alert.reason) (no policies.owner_via)"
                    )
                    continue
                }
                submissions.append(
                    NoticeSubmission(alert: alert, receiver: receiver, channel: channels[receiver] ?? "webhook"))
            case .foresee(let occurrence):
                logger.notice("Foreseen \(occurrence.id) (onset \(CivilDay.iso8601(occurrence.onset)))")
            case .reschedule(let occurrence):
                logger.info("Rescheduled \(occurrence.id) to onset \(CivilDay.iso8601(occurrence.onset))")
            case .start(let occurrence):
                logger.notice("Started \(occurrence.id)")
            case .end(let occurrence):
                logger.notice("Ended \(occurrence.id)")
            case .cancel(let occurrence):
                logger.notice("Cancelled \(occurrence.id)")
            case .skip(let occurrence, let action, let step, let reason):
                logger.info("Skipped \(occurrence)#\(action)/\(step): \(reason)")
            }
        }
        await submit(submissions)
    }

    /// Copies a customer's consent from the plan (recipients file) into the store when none is recorded there,
    /// so the consent stage sees it; a withdrawal recorded in the store is never overwritten.
    private func recordPlanConsent(of request: NoticeRequest, channel: String) async {
        guard request.isCustomer, let recipient = request.recipient, recipient.hasConsent else { return }
        do {
            if try await recipients.consent(recipient: recipient.id, channel: channel) == nil {
                try await recipients.setConsent(recipient: recipient.id, channel: channel, granted: true, now: Date())
            }
        } catch {
            logger.error("Cannot record the consent of '\(recipient.id)': \(error)")
        }
    }

    /// Submits a tick's notices in one transaction. The batch stores all or nothing, so when it fails they are
    /// retried one at a time: one notice that cannot be stored does not hold back the others.
    private func submit(_ submissions: [NoticeSubmission]) async {
        guard !submissions.isEmpty else { return }
        do {
            let results = try await dispatcher.submit(contentsOf: submissions)
            for (submission, result) in zip(submissions, results) { log(result, of: submission) }
        } catch {
            logger.warning("Cannot queue the tick's \(submissions.count) notices at once (\(error)); one at a time")
            for submission in submissions {
                do {
                    log(try await dispatcher.submit(submission), of: submission)
                } catch {
                    logger.error("Cannot queue a notice for \(submission.receiver): \(error)")
                }
            }
        }
    }

    private func log(_ result: SubmissionResult, of submission: NoticeSubmission) {
        switch result {
        case .enqueued(let id, let dueAt, let deferred):
            logger.info(
                "Notice \(id) queued for \(submission.receiver)\(deferred ? " (deferred to \(CivilDay.iso8601(dueAt)))" : "")"
            )
        case .suppressed(let id, let stage, let reason):
            logger.info("Notice \(id) suppressed at \(stage.rawValue): \(reason)")
        case .duplicate(let id):
            logger.debug("Notice already stored as \(id)")
        }
    }
}

extension NoticeSubmission {
    /// The delivery form of an engine notice (docs/engine.md: identity = key, candidate, settings).
    init(request: NoticeRequest, channel: String) {
        self.init(
            identity: NoticeIdentity(
                occurrence: request.key.occurrence, action: String(request.key.action), step: request.key.step,
                recipient: request.key.recipient),
            receiver: request.receiver,
            candidate: PolicyCandidate(
                recipient: request.recipient?.id ?? request.key.recipient, address: request.address, channel: channel,
                audience: request.audience ?? request.receiver, timeZone: request.timeZone,
                isCustomer: request.isCustomer, isUrgent: request.isUrgent),
            settings: PolicySettings(
                frequencyCap: request.frequencyCap.map { ($0.count, .milliseconds(Int($0.window.seconds * 1_000))) },
                quietHours: request.quietHours.map { QuietHours(start: $0.startMinute, end: $0.endMinute) }),
            type: request.eventType, text: request.text, data: request.data)
    }

    /// An owner alert as a staff notice through `policies.owner_via`, unique per plan, signal and instant.
    init(alert: OwnerAlert, receiver: String, channel: String) {
        let address =
            channel == "sms" ? (alert.recipient?.phone ?? alert.owner) : (alert.recipient?.address ?? receiver)
        self.init(
            identity: NoticeIdentity(
                occurrence: "owner:\(alert.plan)", action: "owner",
                step: "\(alert.signal ?? "plan")@\(Int(alert.at.timeIntervalSince1970))",
                recipient: alert.owner),
            receiver: receiver,
            candidate: PolicyCandidate(
                recipient: alert.owner, address: address, channel: channel, audience: "owner", timeZone: .utc,
                isCustomer: false, isUrgent: true),
            settings: PolicySettings(frequencyCap: nil, quietHours: nil), type: "forewarn.owner-alert",
            text: alert.text, data: ["plan": alert.plan, "reason": alert.reason, "signal": alert.signal ?? ""])
    }
}

import CivilDay
import Delivery
import Foundation
import Plans
import Store
import Zones

/// The dispatcher's plan-dependent options: which audiences transliterate, and whom to tell when a receiver dies.
extension DispatcherOptions {
    /// Options from a plan set: audiences with `transliterate: true`, and owner alerts through `policies.owner_via`.
    init(planSet: PlanSet, metrics: DeliveryMetrics = DeliveryMetrics()) {
        let audiences = Set(planSet.audiences.values.filter(\.transliterate).map(\.name))
        self.init(
            transliteratedAudiences: audiences,
            ownerAlerts: { disabled in ReceiverOwnerAlerts.submissions(for: disabled, in: planSet) },
            metrics: metrics)
    }
}

/// Staff notices that tell each plan owner whose plans use a receiver that it was disabled (410 Gone).
enum ReceiverOwnerAlerts {
    /// One urgent staff notice per owner of a plan sending through the receiver, via `policies.owner_via`;
    /// none when `owner_via` is unset or is the disabled receiver itself (the log line is then the only trace).
    static func submissions(for disabled: DisabledReceiver, in planSet: PlanSet) -> [NoticeSubmission] {
        guard let via = planSet.policies.ownerReceiver, via != disabled.name,
            let channel = planSet.receivers[via].map({ $0.kind.isSMS ? "sms" : "webhook" })
        else { return [] }
        let owners = Set(
            planSet.plans.filter { plan in plan.actions.contains { $0.receiver == disabled.name } }.map(\.owner))
        let staff = planSet.audiences.values.filter { $0.kind == .staff }.sorted { $0.name < $1.name }
        return owners.sorted().map { owner in
            let person = staff.lazy.compactMap { $0.recipients.first { $0.id == owner } }.first
            let address = channel == "sms" ? (person?.phone ?? owner) : (person?.address ?? person?.phone ?? owner)
            let when = CivilDay.iso8601(disabled.since)
            let text =
                (person?.locale ?? planSet.policies.defaultLocale).hasPrefix("es")
                ? "forewarn: el receptor '\(disabled.name)' quedó desactivado (\(disabled.reason)) el \(when). "
                    + "Sus avisos fallan hasta `forewarn receivers enable \(disabled.name)`."
                : "forewarn: receiver '\(disabled.name)' was disabled (\(disabled.reason)) at \(when). "
                    + "Its notices fail until `forewarn receivers enable \(disabled.name)`."
            return NoticeSubmission(
                identity: NoticeIdentity(
                    occurrence: "receiver:\(disabled.name)", action: "disabled",
                    step: String(Int(disabled.since.timeIntervalSince1970)), recipient: owner),
                receiver: via,
                candidate: PolicyCandidate(
                    recipient: owner, address: address, channel: channel, audience: "owner", timeZone: .utc,
                    isCustomer: false, isUrgent: true),
                settings: PolicySettings(frequencyCap: nil, quietHours: nil), type: "forewarn.receiver-disabled",
                text: text,
                data: ["receiver": disabled.name, "reason": disabled.reason, "since": when])
        }
    }
}

import Foundation
import Plans
import Signals

extension Engine {
    /// The alert for a signal the plan needs but cannot read.
    func ownerAlert(_ plan: Plan, signal: String, health: SignalHealth, now: Date) -> OwnerAlert {
        let state: (en: String, es: String)
        switch health {
        case .stale(let since):
            state = ("stale since \(EngineFormat.iso(since))", "sin datos desde \(EngineFormat.iso(since))")
        case .unhealthy(let reason): state = ("unhealthy (\(reason))", "con fallas (\(reason))")
        case .healthy: state = ("healthy", "sana")
        }
        return ownerAlert(
            plan, signal: signal, reason: "signal '\(signal)' is \(state.en)",
            texts: (
                "forewarn: \(plan.title): signal '\(signal)' is \(state.en); customers are not warned until it recovers.",
                "forewarn: \(plan.title): la señal '\(signal)' está \(state.es); no se avisa a clientes hasta que se recupere."
            ), now: now)
    }

    /// The alert for any other failure of the plan (e.g. staffing that cannot be computed).
    func ownerAlert(_ plan: Plan, problem: StaffingFailure, now: Date) -> OwnerAlert {
        ownerAlert(
            plan, signal: nil, reason: problem.reason,
            texts: ("forewarn: \(plan.title): \(problem.reason).", "forewarn: \(plan.title): \(problem.reason)."),
            now: now)
    }

    private func ownerAlert(
        _ plan: Plan, signal: String?, reason: String, texts: (en: String, es: String), now: Date
    ) -> OwnerAlert {
        let recipient = planSet.audiences.values.filter { $0.kind == .staff }.sorted { $0.name < $1.name }
            .lazy.compactMap { $0.recipients.first { $0.id == plan.owner } }.first
        let locale = recipient?.locale ?? planSet.policies.defaultLocale
        return OwnerAlert(
            plan: plan.id, owner: plan.owner, recipient: recipient, receiver: planSet.policies.ownerReceiver,
            signal: signal, reason: reason, text: locale.hasPrefix("es") ? texts.es : texts.en, at: now)
    }
}

import Foundation
import Plans

extension SimulationReport {
    /// Per plan, the `[start, end]` intervals in which each occurrence was held as foreseen (end null: still
    /// held at the end of the run); empty intervals (foreseen and started at once) are left out.
    public func firing(plan: String) -> [[String?]] {
        outcome.occurrences.filter { $0.plan == plan }.compactMap { occurrence in
            let until = occurrence.foreseenUntil
            if let until, until <= occurrence.foreseenAt { return nil }
            return [EngineFormat.iso(occurrence.foreseenAt), until.map(EngineFormat.iso)]
        }
    }

    /// The JSON document: period, per-plan firing intervals and occurrences, notices and owner alerts.
    public func json() -> String {
        var plans: [String: Any] = [:]
        for plan in planSet.plans {
            plans[plan.id] = [
                "firing": firing(plan: plan.id).map { $0.map { $0 as Any? ?? NSNull() } },
                "occurrences": outcome.occurrences.filter { $0.plan == plan.id }.map(Self.occurrenceJSON),
            ]
        }
        var notices: [[String: Any]] = []
        var alerts: [[String: Any]] = []
        for (position, entry) in outcome.entries.enumerated() {
            if case .enqueue(let n) = entry.decision {
                var notice: [String: Any] = [
                    "at": EngineFormat.iso(entry.at), "plan": n.plan, "occurrence": n.key.occurrence,
                    "action": n.key.action, "step": n.key.step, "recipient": n.key.recipient, "receiver": n.receiver,
                    "audience": n.audience as Any? ?? NSNull(), "locale": n.locale, "text": n.text, "late": n.isLate,
                    "customer": n.isCustomer, "urgent": n.isUrgent, "type": n.eventType,
                    "onset": EngineFormat.iso(n.onset),
                ]
                if let policy = policies[position] { notice["policy"] = Self.policyJSON(policy) }
                notices.append(notice)
            } else if case .alertOwner(let a) = entry.decision {
                alerts.append([
                    "at": EngineFormat.iso(entry.at), "plan": a.plan, "owner": a.owner, "reason": a.reason,
                    "text": a.text, "receiver": a.receiver as Any? ?? NSNull(),
                ])
            }
        }
        let document: [String: Any] = [
            "from": EngineFormat.iso(from), "to": EngineFormat.iso(to), "tick_s": tick, "ticks": outcome.ticks,
            "plans": plans, "notices": notices, "owner_alerts": alerts,
        ]
        let data =
            (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func policyJSON(_ policy: NoticePolicy) -> [String: Any] {
        [
            "outcome": policy.outcome.rawValue, "label": policy.label,
            "due_at": policy.dueAt.map(EngineFormat.iso) as Any? ?? NSNull(),
            "stages": policy.trail.map { ["stage": $0.stage, "passed": $0.passed, "reason": $0.reason] },
        ]
    }

    static func occurrenceJSON(_ o: Occurrence) -> [String: Any] {
        var result: [String: Any] = [
            "id": o.id, "trigger": o.triggerKey, "state": o.state.rawValue, "onset": EngineFormat.iso(o.onset),
            "foreseen_at": EngineFormat.iso(o.foreseenAt),
        ]
        if let at = o.startedAt { result["started_at"] = EngineFormat.iso(at) }
        if let at = o.endedAt { result["ended_at"] = EngineFormat.iso(at) }
        if let at = o.cancelledAt { result["cancelled_at"] = EngineFormat.iso(at) }
        return result
    }
}

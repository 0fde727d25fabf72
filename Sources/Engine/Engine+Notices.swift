import Foundation
import Plans
import Zones

/// Everything a step's notices share, before the per-recipient parts.
struct NoticeContext {
    var plan: Plan
    var action: Action
    var occurrence: Occurrence
    var step: String
    var kind: NoticeKind
    var lead: TimeInterval
    var late: Bool
    var now: Date
    var values: [String: String]
    /// A rehearsal: the text carries the locale's drill prefix and `data` has `drill: true`.
    var isDrill = false
}

/// One recipient of a step: its identity key and, for audiences, the recipient itself.
struct NoticeTarget {
    var key: String
    var recipient: Recipient?
}

extension Engine {
    /// The audience's recipients, or the receiver itself for a webhook action.
    func noticeRecipients(for action: Action) -> [NoticeTarget] {
        guard let name = action.audience, let audience = planSet.audiences[name] else {
            return [NoticeTarget(key: action.receiver, recipient: nil)]
        }
        return audience.recipients.map { NoticeTarget(key: $0.id, recipient: $0) }
    }

    /// Builds one notice: the recipient's locale and zone, the audience's policies, the text rendered.
    mutating func makeNotice(key: NoticeKey, target: NoticeTarget, context: NoticeContext) -> NoticeRequest {
        let plan = context.plan
        let audience = context.action.audience.flatMap { planSet.audiences[$0] }
        let receiver = planSet.receivers[context.action.receiver]
        let recipient = target.recipient
        let locale =
            recipient.map { planSet.policies.locales.contains($0.locale) ? $0.locale : planSet.policies.defaultLocale }
            ?? planSet.policies.defaultLocale
        let zone = recipient?.timeZone.flatMap(Zone.init(identifier:)) ?? plan.timeZone
        var text = ""
        if let messages = context.action.messages {
            let templates: [String: String]
            switch context.kind {
            case .start: templates = messages.start ?? messages.main
            case .end: templates = messages.end ?? messages.main
            case .cancel: templates = messages.cancel ?? messages.main
            default: templates = messages.main
            }
            let source = templates[locale] ?? templates[planSet.policies.defaultLocale] ?? templates.values.first ?? ""
            text = renderer.render(
                source, variables(context, recipient: recipient, locale: locale, zone: plan.timeZone))
        }
        var data = context.values
        data["plan"] = plan.id
        data["occurrence"] = context.occurrence.id
        data["step"] = context.step
        data["onset"] = EngineFormat.iso(context.occurrence.onset)
        if let end = context.occurrence.end { data["end"] = EngineFormat.iso(end) }
        data["late"] = context.late ? "true" : "false"
        if context.isDrill {
            data["drill"] = "true"
            if !text.isEmpty { text = Self.drillPrefix(locale: locale) + " " + text }
        }
        let isSMS = receiver?.kind.isSMS ?? false
        let address = (isSMS ? recipient?.phone : recipient?.address) ?? recipient?.phone ?? target.key
        let eventType: String
        if case .webhook(_, let type) = context.action.kind {
            eventType = context.kind == .advance ? type : "\(type).\(context.kind.rawValue)"
        } else {
            eventType = "notice.\(context.kind.rawValue)"
        }
        return NoticeRequest(
            key: key, plan: plan.id, kind: context.kind, receiver: context.action.receiver, audience: audience?.name,
            isCustomer: audience?.kind == .customers, isUrgent: context.action.isUrgent, recipient: recipient,
            address: address, locale: locale,
            timeZone: zone, quietHours: audience?.quietHours, frequencyCap: audience?.frequencyCap, text: text,
            data: data, dueAt: context.now, onset: context.occurrence.onset, isLate: context.late,
            isDrill: context.isDrill,
            eventType: eventType)
    }

    /// The template variables: exactly the standard ones of the plan language plus the policies' and the plan's `vars`.
    func variables(_ context: NoticeContext, recipient: Recipient?, locale: String, zone: Zone) -> [String: Any] {
        let onset = EngineFormat.local(context.occurrence.onset, zone: zone, locale: locale)
        var result: [String: Any] = [
            "plan": context.plan.id, "title": context.plan.title, "onset": onset.iso, "onset_date": onset.date,
            "onset_time": onset.time, "lead": EngineFormat.lead(context.lead, locale: locale),
            "recipient": recipient?.name ?? recipient?.id ?? "", "drill": context.isDrill, "late": context.late,
            "hours": Self.hours(context.plan.hours?.onEvent, locale: locale),
        ]
        if let end = context.occurrence.end {
            let local = EngineFormat.local(end, zone: zone, locale: locale)
            result["end"] = local.iso
            result["end_date"] = local.date
            result["end_time"] = local.time
        }
        for name in MessageTemplates.standardVariables where result[name] == nil {
            if let value = context.values[name] { result[name] = value }
        }
        for (key, value) in planSet.policies.vars { result[key] = value }
        for (key, value) in context.plan.vars { result[key] = value }
        return result
    }

    /// Opening hours as a message says them: `cerradas` / `closed`, or `abiertas de 09:00 a 14:00` / `open 09:00-14:00`.
    static func hours(_ hours: DailyHours?, locale: String) -> String {
        guard let hours else { return "" }
        let spanish = locale.hasPrefix("es")
        if hours.isClosed { return spanish ? "cerradas" : "closed" }
        if spanish {
            return "abiertas "
                + hours.ranges.map { range in
                    let parts = range.description.split(separator: "-")
                    return "de \(parts.first ?? "") a \(parts.last ?? "")"
                }.joined(separator: " y ")
        }
        return "open " + hours.description
    }
}

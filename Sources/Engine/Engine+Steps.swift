import Foundation
import Plans

extension Engine {
    /// The `before` steps now due: the latest one (shortest lead) is issued, once — marked late when its moment
    /// passed more than `lateAfter` ago — and older ones never issued are skipped, not fired all at once.
    mutating func issueAdvanceSteps(
        of occurrence: inout Occurrence, plan: Plan, stepNames: [[String]], now: Date, signals: SignalSnapshot,
        blind: Bool, into decisions: inout [Decision]
    ) {
        for position in plan.actions.indices {
            let before = plan.actions[position].steps.before  // the action itself is copied only when a step is due
            guard !before.isEmpty else { continue }
            let keys = stepNames[position]
            var latestIndex: Int?
            for index in before.indices
            where occurrence.onset.addingTimeInterval(-before[index].seconds) <= now
                && !occurrence.completedSteps.contains(keys[index])
                && latestIndex.map({ before[index] < before[$0] }) ?? true
            {
                latestIndex = index
            }
            guard let latestIndex else { continue }
            let action = plan.actions[position]
            let latest = before[latestIndex]
            if blind, isCustomerAction(action) { continue }  // held: customers are not warned on blind data
            for index in before.indices where index != latestIndex {
                guard occurrence.onset.addingTimeInterval(-before[index].seconds) <= now,
                    occurrence.completedSteps.insert(keys[index]).inserted
                else { continue }
                decisions.append(
                    .skip(
                        occurrence: occurrence.id, action: action.index, step: "before-\(before[index])",
                        reason: "missed: superseded by before-\(latest)"))
            }
            let moment = occurrence.onset.addingTimeInterval(-latest.seconds)
            let late = now.timeIntervalSince(moment) > lateAfter
            issue(
                action: action, step: "before-\(latest)", kind: .advance, lead: latest.seconds, late: late,
                of: &occurrence, plan: plan, now: now, signals: signals, into: &decisions)
        }
    }

    /// Issues `start`, `end` or `cancel` for every action that acts on it.
    mutating func issue(
        step: String, of occurrence: inout Occurrence, plan: Plan, now: Date, signals: SignalSnapshot,
        into decisions: inout [Decision]
    ) {
        for action in plan.actions {
            let acts: Bool
            let kind: NoticeKind
            switch step {
            case "start": (acts, kind) = (action.steps.atStart, .start)
            case "end": (acts, kind) = (action.steps.atEnd, .end)
            default: (acts, kind) = (action.steps.onCancel, .cancel)
            }
            guard acts else { continue }
            issue(
                action: action, step: step, kind: kind, lead: occurrence.onset.timeIntervalSince(now), late: false,
                of: &occurrence, plan: plan, now: now, signals: signals, into: &decisions)
        }
    }

    /// Issues one step of one action: a notice per recipient (those already told, for a cancellation),
    /// a staffing alert only on a gap, or one webhook post. Each notice is issued at most once.
    mutating func issue(
        action: Action, step: String, kind: NoticeKind, lead: TimeInterval, late: Bool, of occurrence: inout Occurrence,
        plan: Plan, now: Date, signals: SignalSnapshot, into decisions: inout [Decision]
    ) {
        let stepKey = "\(action.index):\(step)"
        guard !occurrence.completedSteps.contains(stepKey) else { return }
        occurrence.completedSteps.insert(stepKey)
        var values = occurrence.values
        var noticeKind = kind
        if case .staff(let staffing) = action.kind, kind == .advance || kind == .start {
            switch staffingNumbers(staffing, occurrence: occurrence, signals: signals) {
            case .failure(let reason):
                decisions.append(
                    .skip(occurrence: occurrence.id, action: action.index, step: step, reason: reason.reason))
                decisions.append(.alertOwner(ownerAlert(plan, problem: reason, now: now)))
                return
            case .success(let numbers):
                values.merge(numbers.values) { _, new in new }
                guard numbers.gap > 0 else {
                    decisions.append(
                        .skip(
                            occurrence: occurrence.id, action: action.index, step: step,
                            reason: "no staffing gap: \(numbers.required) needed, \(staffing.scheduled) scheduled"))
                    return
                }
                noticeKind = .staffing
            }
        }
        var recipients = noticeRecipients(for: action)
        if kind == .cancel {
            let told = Set(
                store.notices(of: occurrence.id).filter { $0.action == action.index && $0.step != "cancel" }.map(
                    \.recipient))
            guard !told.isEmpty else { return }  // nobody was told: nothing to call off
            recipients = recipients.filter { told.contains($0.key) }
        }
        let context = NoticeContext(
            plan: plan, action: action, occurrence: occurrence, step: step, kind: noticeKind, lead: lead, late: late,
            now: now, values: values)
        var issued = 0
        for target in recipients {
            let key = NoticeKey(occurrence: occurrence.id, action: action.index, step: step, recipient: target.key)
            guard store.recordNotice(key) else { continue }
            decisions.append(.enqueue(makeNotice(key: key, target: target, context: context)))
            issued += 1
        }
        if issued > 0, occurrence.state == .foreseen { occurrence.state = .notified }
    }

    func isCustomerAction(_ action: Action) -> Bool {
        guard let audience = action.audience else { return false }
        return planSet.audiences[audience]?.kind == .customers
    }
}

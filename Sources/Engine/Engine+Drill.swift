import Foundation
import Plans

/// One rehearsal of a plan: a made-up occurrence and every notice its steps would send, marked as a drill.
public struct Drill: Sendable {
    /// The occurrence, as if foreseen at the drill's instant (its trigger key is `drill:<id>`).
    public var occurrence: Occurrence
    /// The notices, in step order (each action's `before` steps from the longest lead, then start, end, cancel).
    public var notices: [NoticeRequest]
}

extension Engine {
    /// The visible prefix of a drill's text in `locale`: `[SIMULACRO]` in Spanish, `[DRILL]` otherwise.
    public static func drillPrefix(locale: String) -> String {
        locale.hasPrefix("es") ? "[SIMULACRO]" : "[DRILL]"
    }

    /// Builds one occurrence of `planID` as if foreseen at `now` (onset at `now` + the plan's longest lead) and
    /// renders every notice of every step of every action, marked as a drill.
    ///
    /// Nothing is recorded in the store. The occurrence id is `<plan>/drill:<drillID>/<onset>`, a trigger key no
    /// real occurrence has, so drill notices never share an identity with real ones. A staffing step whose
    /// numbers cannot be computed (no forecast of its volume) renders without them.
    public mutating func drill(plan planID: String, now: Date, drillID: String) -> Drill? {
        guard let plan = planSet.plans.first(where: { $0.id == planID }) else { return nil }
        let longest = plan.actions.flatMap { $0.steps.before.map(\.seconds) }.max() ?? 0
        var occurrence = Occurrence(
            plan: plan.id, triggerKey: "drill:\(drillID)", onset: now.addingTimeInterval(longest), end: nil,
            foreseenAt: now)
        occurrence.values = Self.drillValues(plan.trigger)
        var notices: [NoticeRequest] = []
        for action in plan.actions {
            var steps: [(name: String, kind: NoticeKind, lead: TimeInterval)] = action.steps.before.sorted(by: >).map {
                ("before-\($0)", .advance, $0.seconds)
            }
            if action.steps.atStart { steps.append(("start", .start, 0)) }
            if action.steps.atEnd { steps.append(("end", .end, 0)) }
            if action.steps.onCancel { steps.append(("cancel", .cancel, longest)) }
            for step in steps {
                var values = occurrence.values
                var kind = step.kind
                if case .staff(let staffing) = action.kind, kind == .advance || kind == .start {
                    kind = .staffing
                    if case .success(let numbers) = staffingNumbers(
                        staffing, occurrence: occurrence, signals: SignalSnapshot())
                    {
                        values.merge(numbers.values) { _, new in new }
                    }
                }
                let context = NoticeContext(
                    plan: plan, action: action, occurrence: occurrence, step: step.name, kind: kind, lead: step.lead,
                    late: false, now: now, values: values, isDrill: true)
                for target in noticeRecipients(for: action) {
                    let key = NoticeKey(
                        occurrence: occurrence.id, action: action.index, step: step.name, recipient: target.key)
                    notices.append(makeNotice(key: key, target: target, context: context))
                }
            }
        }
        return Drill(occurrence: occurrence, notices: notices)
    }

    /// The values a real occurrence would know from its trigger: the capacity it is measured against.
    static func drillValues(_ trigger: Trigger) -> [String: String] {
        switch trigger {
        case .forecast(let forecast): ["capacity": EngineFormat.number(forecast.threshold.value)]
        case .event(let event):
            event.expectation.map { ["capacity": EngineFormat.number($0.threshold.value)] } ?? [:]
        case .state: [:]
        case .any(let list), .all(let list):
            list.reduce(into: [:]) { values, child in values.merge(drillValues(child)) { old, _ in old } }
        }
    }
}

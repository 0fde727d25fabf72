import Foundation
import Plans

/// `forewarn simulate`'s output: a timeline table for people and JSON for tools (including, per plan, the
/// intervals in which each occurrence was held as foreseen, as `leadtime.py --warnings` reads them).
public struct SimulationReport {
    /// One line of the timeline: an occurrence event, an owner alert, or a step's notices grouped.
    public struct Row: Sendable {
        public var at: Date
        public var plan: String
        public var what: String
        public var audience: Int
        public var lead: String
        public var text: String
        public var policy: String
    }

    public let planSet: PlanSet
    public let outcome: Simulator.Outcome
    public let from: Date
    public let to: Date
    public let tick: TimeInterval
    /// The delivery policy stages' decision per notice, by the index of its entry in `outcome.entries`
    /// (empty: the stages were not run, and the policy column says `stages n/a`).
    public let policies: [Int: NoticePolicy]

    /// Creates a report.
    public init(
        planSet: PlanSet, outcome: Simulator.Outcome, from: Date, to: Date, tick: TimeInterval,
        policies: [Int: NoticePolicy] = [:]
    ) {
        (self.planSet, self.outcome, self.from, self.to, self.tick) = (planSet, outcome, from, to, tick)
        self.policies = policies
    }

    /// The policy column when the stages were not run.
    static let policyNote = "stages n/a"

    /// The rows, in time order; the notices of one step (same occurrence, action, step) form one row.
    public var rows: [Row] {
        var rows: [Row] = []
        var groups: [String: Int] = [:]
        var labels: [Int: [(label: String, count: Int)]] = [:]
        func note(_ row: Int, _ entry: Int) {
            guard let label = policies[entry]?.label else { return }
            if let index = labels[row, default: []].firstIndex(where: { $0.label == label }) {
                labels[row]![index].count += 1
            } else {
                labels[row, default: []].append((label, 1))
            }
        }
        for (position, entry) in outcome.entries.enumerated() {
            switch entry.decision {
            case .foresee(let o):
                rows.append(row(entry.at, o.plan, "foreseen \(o.triggerKey) onset \(EngineFormat.iso(o.onset))"))
            case .reschedule: continue
            case .start(let o): rows.append(row(entry.at, o.plan, "started \(o.triggerKey)"))
            case .end(let o): rows.append(row(entry.at, o.plan, "ended \(o.triggerKey)"))
            case .cancel(let o): rows.append(row(entry.at, o.plan, "cancelled \(o.triggerKey)"))
            case .skip(let occurrence, let action, let step, let reason):
                rows.append(
                    row(entry.at, String(occurrence.prefix { $0 != "/" }), "#\(action) \(step) skipped: \(reason)"))
            case .alertOwner(let alert):
                var owner = row(entry.at, alert.plan, "owner alert → \(alert.owner) via \(alert.receiver ?? "(log)")")
                owner.audience = 1
                owner.text = alert.text
                rows.append(owner)
            case .enqueue(let notice):
                let group = "\(notice.key.occurrence)#\(notice.key.action)/\(notice.key.step)"
                if let index = groups[group] {
                    rows[index].audience += 1
                    note(index, position)
                    continue
                }
                groups[group] = rows.count
                note(rows.count, position)
                let target = notice.audience.map { "\($0) via \(notice.receiver)" } ?? notice.receiver
                let text = notice.text.isEmpty ? "[\(notice.eventType)]" : notice.text
                rows.append(
                    Row(
                        at: entry.at, plan: notice.plan, what: "#\(notice.key.action) \(notice.key.step) → \(target)",
                        audience: 1,
                        lead: EngineFormat.lead(notice.onset.timeIntervalSince(entry.at), locale: "en")
                            + (notice.isLate ? " (late)" : ""), text: text,
                        policy: Self.policyNote))
            }
        }
        for (index, list) in labels {
            rows[index].policy = list.map { $0.count > 1 ? "\($0.label) ×\($0.count)" : $0.label }
                .joined(separator: "; ")
        }
        return rows
    }

    private func row(_ at: Date, _ plan: String, _ what: String) -> Row {
        Row(at: at, plan: plan, what: what, audience: 0, lead: "", text: "", policy: "")
    }

    /// The timeline as an aligned text table.
    public func table() -> String {
        let header = ["when (UTC)", "plan", "action", "n", "lead", "text", "policy"]
        let lines = rows.map { row in
            [
                String(EngineFormat.iso(row.at).dropLast(4)).replacingOccurrences(of: "T", with: " "), row.plan,
                row.what, row.audience == 0 ? "" : String(row.audience), row.lead, Self.preview(row.text), row.policy,
            ]
        }
        var widths = header.map(\.count)
        for line in lines { for (i, cell) in line.enumerated() { widths[i] = max(widths[i], cell.count) } }
        let render = { (cells: [String]) in
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var text = render(header) + "\n"
        for line in lines { text += render(line) + "\n" }
        text += "\(outcome.ticks) ticks from \(EngineFormat.iso(from)) to \(EngineFormat.iso(to)), "
        text += "\(outcome.entries.filter { if case .enqueue = $0.decision { true } else { false } }.count) notices; "
        if policies.isEmpty {
            text += "policy stages (consent, suppression, dedupe, frequency cap, quiet hours) were not applied\n"
        } else {
            let counts = Dictionary(grouping: policies.values, by: \.outcome).mapValues(\.count)
            text +=
                [NoticePolicy.Outcome.enqueued, .deferred, .suppressed, .duplicate].map {
                    "\(counts[$0] ?? 0) \($0.rawValue)"
                }.joined(separator: ", ") + " by the policy stages\n"
        }
        return text
    }

    static func preview(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 60 ? String(flat.prefix(59)) + "…" : flat
    }
}

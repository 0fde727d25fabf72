import Foundation

extension StatusSnapshot {
    /// The readable report `forewarn status` prints.
    public func text(now: Date) -> String {
        var lines = ["forewarn: running, \(plans.map { "\($0) plans" } ?? "not ready")"]
        if let signals {
            lines.append("signals:")
            for row in signals {
                let value = row.lastValue.map { " last \($0)" } ?? ""
                lines.append("  \(row.name) (\(row.source)): \(row.health)\(value)")
            }
        }
        if let occurrences {
            lines.append("upcoming:")
            if occurrences.isEmpty { lines.append("  none") }
            for item in occurrences {
                lines.append(
                    "  \(item.planID) \(item.step) in \(StatusLine.span(item.onset.timeIntervalSince(now))) [\(item.state)]"
                )
            }
        } else {
            lines.append("upcoming: not available yet (the engine is not part of this build)")
        }
        if let instances {
            lines.append("instances:")
            for item in instances {
                let role = item.leader ? "leader" : "dispatcher"
                let span = StatusLine.span(now.timeIntervalSince(item.lastSeen))
                let seen = span == "now" ? "seen just now" : "seen \(span) ago"
                lines.append("  \(item.id) [\(role)] \(item.host) pid \(item.pid), \(seen)")
            }
        }
        lines += problems.map { "warning: \($0)" }
        return lines.joined(separator: "\n")
    }
}

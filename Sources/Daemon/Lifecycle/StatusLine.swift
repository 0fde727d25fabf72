import Foundation

/// Builds the one-line STATUS= text: `4 plans; next: cyberday-overload in 3d 2h; 0 pending`.
public enum StatusLine {
    /// The status for `plans` plans, the next contingency (if known) and pending notices (if known).
    public static func make(plans: Int, next: UpcomingOccurrence?, pending: Int?, now: Date) -> String {
        var parts = ["\(plans) plans"]
        if let next { parts.append("next: \(next.planID) in \(span(next.onset.timeIntervalSince(now)))") }
        if let pending { parts.append("\(pending) pending") }
        return parts.joined(separator: "; ")
    }

    /// A coarse readable span: `3d 2h`, `5h 10m`, `4m`, `now`.
    public static func span(_ seconds: TimeInterval) -> String {
        let total = Int(max(0, seconds))
        let days = total / 86_400
        let hours = total % 86_400 / 3_600
        let minutes = total % 3_600 / 60
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h \(minutes)m" }
        if minutes > 0 { return "\(minutes)m" }
        return "now"
    }
}

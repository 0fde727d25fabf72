import Foundation

/// A staffing result rendered for people (aligned text) or programs (JSON).
public struct StaffingReport: Sendable {
    /// The output formats of a report.
    public enum Format: String, CaseIterable, Sendable {
        /// Aligned `label: value` lines.
        case text
        /// One JSON object with full-precision numbers.
        case json
    }

    /// The result to render.
    public let result: StaffingResult

    /// Creates a report of `result`.
    public init(_ result: StaffingResult) { self.result = result }

    /// The report in `format`, ending with a newline.
    public func rendered(as format: Format) -> String {
        switch format {
        case .text: text
        case .json: json
        }
    }

    /// Aligned `label: value` lines, one measure each.
    public var text: String {
        let request = result.request
        let model = result.model == .erlangA ? "Erlang A (patience \(Self.seconds(request.patience ?? 0)))" : "Erlang C"
        let target = "\(Self.seconds(request.target.within)) (target \(Self.percent(request.target.fraction)))"
        let cap = request.maximumOccupancy < 1 ? " (at most \(Self.percent(request.maximumOccupancy)))" : ""
        var rows: [(String, String)] = [
            ("model", model),
            ("traffic", "\(Self.decimal(result.trafficErlangs)) Erlangs"),
            ("required agents", "\(result.requiredAgents)"),
            ("scheduled agents", "\(result.scheduledAgents) (\(Self.percent(request.shrinkage)) shrinkage)"),
            ("service level", "\(Self.percent(result.serviceLevel)) in \(target)"),
            ("probability of waiting", Self.percent(result.probabilityOfWaiting)),
            ("average speed of answer", Self.seconds(result.averageSpeedOfAnswer)),
            ("occupancy", Self.percent(result.occupancy) + cap),
        ]
        if let abandonment = result.probabilityOfAbandonment {
            rows.append(("probability of abandonment", Self.percent(abandonment)))
        }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { label, value in
            "\(label):" + String(repeating: " ", count: width - label.count + 1) + value + "\n"
        }.joined()
    }

    /// A fraction as a percentage with at most one decimal: `0.3` → `30%`, `0.88835` → `88.8%`.
    public static func percent(_ fraction: Double) -> String { decimal(fraction * 100) + "%" }

    /// Seconds with at most one decimal and an `s` unit: `20s`, `7.8s`.
    public static func seconds(_ value: Double) -> String { decimal(value) + "s" }

    /// A number with at most one decimal, without a trailing `.0`.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : "\(value)" }
        let rounded = String(format: "%.1f", value)
        return rounded.hasSuffix(".0") ? String(rounded.dropLast(2)) : rounded
    }
}

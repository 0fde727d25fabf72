import Foundation
import Plans

/// What a reload did: the pure summary that logs, STATUS= and the reload gauges are built from.
public struct ReloadOutcome: Sendable, Hashable {
    /// Whether the new plans were swapped in.
    public var succeeded: Bool
    /// Plans in force after the reload (new ones on success, else the previous count is unknown here: nil).
    public var planCount: Int?
    /// The first errors that made the reload fail (at most five), as `file:line: message`.
    public var errors: [String]
    /// Total errors found.
    public var errorCount: Int
    /// When the reload ran.
    public var at: Date

    /// Summarises a loader result.
    public init(result: LoadResult, at now: Date) {
        let errors = result.diagnostics.filter { $0.severity == .error }
        self.succeeded = result.planSet != nil
        self.planCount = result.planSet?.plans.count
        self.errors = errors.prefix(5).map { "\($0)" }
        self.errorCount = errors.count
        self.at = now
    }

    /// The one-line STATUS= text, e.g. `reload failed (2 errors; kept the last good plans): plans/a.yaml:3: …`.
    public var statusLine: String {
        if succeeded { return "reloaded \(planCount ?? 0) plans" }
        let first = errors.first.map { ": \($0)" } ?? ""
        return "reload failed (\(errorCount) errors; kept the last good plans)\(first)"
    }
}

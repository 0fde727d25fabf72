import Foundation
import Plans

/// One upcoming contingency as the API and STATUS= show it (filled in by the engine, issue 6).
public struct UpcomingOccurrence: Sendable, Hashable, Codable {
    /// The plan's id.
    public var planID: String
    /// The step or trigger that fires (e.g. `warn-staff`).
    public var step: String
    /// When the contingency is expected to start (UTC).
    public var onset: Date
    /// How long before `onset` the first notice goes out, in seconds.
    public var leadSeconds: Double
    /// The engine's state for it (e.g. `forecast`, `scheduled`, `notified`).
    public var state: String

    /// Creates an occurrence summary.
    public init(planID: String, step: String, onset: Date, leadSeconds: Double, state: String) {
        self.planID = planID
        self.step = step
        self.onset = onset
        self.leadSeconds = leadSeconds
        self.state = state
    }
}

/// The seam the engine (issue 6) fills: what is coming, and the work of one main-loop tick.
public protocol ContingencyEngine: Sendable {
    /// Upcoming contingencies after `now`, soonest first.
    func upcoming(at now: Date) async throws -> [UpcomingOccurrence]
    /// One evaluation pass; the main loop calls it every tick and pings the watchdog only after it returns.
    func tick(at now: Date) async
    /// Takes a freshly reloaded plan set into use.
    func apply(_ plans: PlanSet) async
}

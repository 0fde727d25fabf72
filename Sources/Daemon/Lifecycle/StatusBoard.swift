/// Shared, changing facts the STATUS= line is built from (the reload service writes, the main loop reads).
public actor StatusBoard {
    /// A note about the last failed reload, cleared by a good one.
    public private(set) var reloadNote: String?

    /// Creates an empty board.
    public init() {}

    /// Records the outcome of a reload.
    public func record(_ outcome: ReloadOutcome) {
        reloadNote = outcome.succeeded ? nil : "last reload failed (\(outcome.errorCount) errors)"
    }
}

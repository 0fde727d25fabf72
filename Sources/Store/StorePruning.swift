import Foundation

/// Removes what a long-running daemon no longer needs, so its database does not grow for ever (and phone
/// numbers and texts are not kept longer than the operator wants). Both stores implement it.
public protocol StorePruning: Sendable {
    /// Deletes, for everything before `cutoff`: finished notices (delivered, failed, dead, suppressed,
    /// cancelled) created then, with their attempts; ended or cancelled occurrences whose onset was then, with
    /// the keys of the notices issued for them; contacts made then. Unfinished notices and open occurrences stay.
    func prune(before cutoff: Date) async throws -> PruneCounts
}

/// How many rows one pruning pass removed.
public struct PruneCounts: Sendable, Equatable, CustomStringConvertible {
    /// Finished notices (their attempts go with them).
    public var notices: Int
    /// Closed occurrences (their issued-notice keys go with them).
    public var occurrences: Int
    /// Contact records (the frequency caps' counts).
    public var contacts: Int

    /// Creates counts.
    public init(notices: Int = 0, occurrences: Int = 0, contacts: Int = 0) {
        self.notices = notices
        self.occurrences = occurrences
        self.contacts = contacts
    }

    /// Whether nothing was removed.
    public var isEmpty: Bool { notices == 0 && occurrences == 0 && contacts == 0 }

    /// `12 notices, 3 occurrences, 40 contacts`.
    public var description: String { "\(notices) notices, \(occurrences) occurrences, \(contacts) contacts" }
}

extension NoticeState {
    /// The states a notice never leaves: what pruning may remove.
    public static let finished: [NoticeState] = [.delivered, .failed, .dead, .suppressed, .cancelled]
}

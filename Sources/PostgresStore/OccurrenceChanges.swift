import Engine

/// The changes of an occurrence working set not yet written, in the order they were made.
struct OccurrenceChanges: Sendable {
    var occurrences: [String: Occurrence] = [:]
    var order: [String] = []
    var issued: [NoticeKey] = []
    var timers: EngineTimers?

    var isEmpty: Bool { occurrences.isEmpty && issued.isEmpty && timers == nil }

    /// The changed occurrences, first changed first.
    var changedOccurrences: [Occurrence] { order.compactMap { occurrences[$0] } }

    mutating func save(_ occurrence: Occurrence) {
        if occurrences.updateValue(occurrence, forKey: occurrence.id) == nil { order.append(occurrence.id) }
    }

    /// Forgets what `written` stored, keeping what changed again since it was taken.
    mutating func remove(_ written: OccurrenceChanges) {
        for (id, occurrence) in written.occurrences where occurrences[id] == occurrence {
            occurrences[id] = nil
        }
        order.removeAll { occurrences[$0] == nil }
        issued.removeFirst(min(written.issued.count, issued.count))
        if timers == written.timers { timers = nil }
    }
}

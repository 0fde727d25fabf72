import Foundation

/// One instance of a known event, with UTC instants; `end` is exclusive.
public struct CalendarOccurrence: Hashable, Sendable {
    /// The first instant of the occurrence.
    public var start: Date
    /// The first instant after the occurrence (equal to `start` for an instantaneous event).
    public var end: Date
    /// The event's title (SUMMARY in iCalendar).
    public var summary: String
    /// Whether the event is a whole day (or days) rather than a span of clock time.
    public var allDay: Bool
    /// The iCalendar UID of the event, when it has one.
    public var uid: String?

    /// Creates an occurrence.
    public init(start: Date, end: Date, summary: String, allDay: Bool, uid: String? = nil) {
        self.start = start
        self.end = end
        self.summary = summary
        self.allDay = allDay
        self.uid = uid
    }

    /// Whether the occurrence touches the window `[from, to)`; an instantaneous one must lie inside it.
    public func overlaps(from: Date, to: Date) -> Bool {
        if end <= start { return start >= from && start < to }
        return start < to && end > from
    }

    /// Sorts by start, then end, then summary, so that output is deterministic.
    static func ordered(_ lhs: CalendarOccurrence, _ rhs: CalendarOccurrence) -> Bool {
        (lhs.start, lhs.end, lhs.summary) < (rhs.start, rhs.end, rhs.summary)
    }
}

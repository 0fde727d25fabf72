import Foundation

/// How long each occurrence of an event lasts.
public enum EventLength: Hashable, Sendable {
    /// Whole calendar days on the wall clock (a day is 23 or 25 hours across a DST change).
    case days(Int)
    /// Exact elapsed seconds.
    case seconds(Int)
}

/// A one-off event written inline in a calendar definition.
public struct InlineEvent: Hashable, Sendable {
    /// When the event happens, on the calendar's wall clock.
    public enum Span: Hashable, Sendable {
        /// One whole day.
        case date(LocalDate)
        /// Whole days from the first through the last date, both included (`2026-12-24..2026-12-26` is 3 days).
        case dates(LocalDate, through: LocalDate)
        /// From a wall-clock start up to (not including) a wall-clock end.
        case dateTimes(LocalDateTime, until: LocalDateTime)
    }

    /// The event's title.
    public var summary: String
    /// When it happens.
    public var span: Span

    /// Creates an inline event.
    public init(summary: String, span: Span) {
        self.summary = summary
        self.span = span
    }

    /// Problems with the event itself (an end before its start), without expanding it.
    public func problems() -> [CalendarError] {
        let isBackwards: Bool =
            switch span {
            case .date: false
            case .dates(let first, let last): last < first
            case .dateTimes(let first, let last): last <= first
            }
        guard isBackwards else { return [] }
        return [CalendarError(.invalidEntry, "event '\(summary)' ends before it starts (\(span)); swap the bounds")]
    }

    /// The event as an occurrence in a zone.
    func occurrence(in zone: ZoneRules) throws -> CalendarOccurrence {
        if let problem = problems().first { throw problem }
        switch span {
        case .date(let day):
            return wholeDays(from: day, count: 1, zone: zone)
        case .dates(let first, let last):
            return wholeDays(from: first, count: last.daysSinceEpoch - first.daysSinceEpoch + 1, zone: zone)
        case .dateTimes(let start, let end):
            return CalendarOccurrence(
                start: zone.date(of: start), end: zone.date(of: end), summary: summary, allDay: false)
        }
    }

    private func wholeDays(from day: LocalDate, count: Int, zone: ZoneRules) -> CalendarOccurrence {
        CalendarOccurrence(
            start: zone.date(of: LocalDateTime(date: day)),
            end: zone.date(of: LocalDateTime(date: day.adding(days: count))), summary: summary, allDay: true)
    }
}

import CICal
import Foundation

/// An event repeated by a recurrence rule from a wall-clock start in the calendar's time zone.
public struct RecurringEvent: Hashable, Sendable {
    /// Where the series starts: a date (all-day occurrences) or a wall-clock date and time.
    public enum Start: Hashable, Sendable {
        /// All-day occurrences, the first on this date.
        case date(LocalDate)
        /// Timed occurrences, the first at this wall-clock time.
        case dateTime(LocalDateTime)
    }

    /// The event's title.
    public var summary: String
    /// DTSTART: the first occurrence, and the time of day of every one.
    public var start: Start
    /// How long each occurrence lasts.
    public var length: EventLength
    /// The rule that repeats it.
    public var rule: RecurrenceRule
    /// Dates on which an occurrence is dropped (like EXDATE).
    public var excludedDates: Set<LocalDate>

    /// Creates a recurring event.
    public init(
        summary: String, start: Start, length: EventLength, rule: RecurrenceRule, excludedDates: Set<LocalDate> = []
    ) {
        self.summary = summary
        self.start = start
        self.length = length
        self.rule = rule
        self.excludedDates = excludedDates
    }

    /// Occurrences touching `[from, to)` in a zone. Call under the libical lock.
    func occurrences(from: Date, to: Date, zone: ZoneRules) throws -> [CalendarOccurrence] {
        let (first, isDate): (LocalDateTime, Bool) =
            switch start {
            case .date(let day): (LocalDateTime(date: day), true)
            case .dateTime(let time): (time, false)
            }
        let reach: Int64 =
            switch length {
            case .days(let count): Int64(max(count, 0) + 1) * 86_400
            case .seconds(let count): Int64(max(count, 0))
            }
        let expander = RecurrenceExpander(rule: try rule.parsed(), start: first, isDate: isDate, zone: zone)
        let starts = try expander.starts(
            lower: Int64(from.timeIntervalSince1970) - reach - 2 * 86_400,
            upper: Int64(to.timeIntervalSince1970) + 2 * 86_400)
        return starts.filter { !excludedDates.contains($0.date) }.map { local in
            let begin = zone.date(of: local)
            let end: Date =
                switch length {
                case .days(let count):
                    zone.date(of: LocalDateTime(wallSeconds: local.wallSeconds + Int64(count) * 86_400))
                case .seconds(let count): begin.addingTimeInterval(TimeInterval(count))
                }
            return CalendarOccurrence(start: begin, end: end, summary: summary, allDay: isDate)
        }.filter { $0.overlaps(from: from, to: to) }
    }
}

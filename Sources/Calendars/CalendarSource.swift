import Foundation
import Zones

/// One place a calendar's events come from.
public enum CalendarSource: Hashable, Sendable {
    /// A one-off event written inline.
    case event(InlineEvent)
    /// A recurring event written inline.
    case recurring(RecurringEvent)
    /// iCalendar text already loaded.
    case ics(ICSCalendar)
    /// An iCalendar file, read when the calendar is expanded or checked.
    case icsFile(path: String)
}

/// A named calendar: event sources evaluated in one IANA time zone.
public struct EventCalendar: Hashable, Sendable {
    /// The most occurrences one expansion may return.
    public static let maximumOccurrences = 100_000

    /// The calendar's name (for messages).
    public var name: String
    /// The zone inline events and floating .ics times are read in.
    public var timeZone: Zone
    /// Where the events come from.
    public var sources: [CalendarSource]

    /// Creates a calendar.
    public init(name: String, timeZone: Zone, sources: [CalendarSource]) {
        self.name = name
        self.timeZone = timeZone
        self.sources = sources
    }

    /// All occurrences touching `[from, to)`, sorted by start. Throws the first `CalendarError` met.
    public func occurrences(from: Date, to: Date) throws -> [CalendarOccurrence] {
        guard from < to else {
            throw CalendarError(.invalidEntry, "calendar '\(name)': the window's end must be after its start")
        }
        let zone = ZoneRules(zone: timeZone)
        var result: [CalendarOccurrence] = []
        for source in sources {
            let remaining = Self.maximumOccurrences - result.count
            switch source {
            case .event(let event):
                let occurrence = try event.occurrence(in: zone)
                if occurrence.overlaps(from: from, to: to) { result.append(occurrence) }
            case .recurring(let event):
                result += try LibICal.withLock { try event.occurrences(from: from, to: to, zone: zone) }
            case .ics(let calendar):
                result += try calendar.occurrences(from: from, to: to, floatingZone: zone, limit: remaining)
            case .icsFile(let path):
                result += try ICSCalendar.load(path: path).occurrences(
                    from: from, to: to, floatingZone: zone, limit: remaining)
            }
            guard result.count <= Self.maximumOccurrences else {
                throw CalendarError(
                    .limitExceeded,
                    "calendar '\(name)' has more than \(Self.maximumOccurrences) occurrences in the window; narrow it")
            }
        }
        return result.sorted(by: CalendarOccurrence.ordered)
    }

    /// Every problem in the calendar's sources, found without expanding (for `forewarn check`): bad or
    /// never-matching rules, backwards ranges, unreadable or malformed .ics files with their lines, unknown TZIDs.
    public func problems() -> [CalendarError] {
        sources.flatMap { $0.problems(timeZone: timeZone) }
    }
}

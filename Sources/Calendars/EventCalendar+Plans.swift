import Foundation
import Plans
import Zones

/// Builds calendars from the plan language's calendar definitions, and reports their problems as
/// plan diagnostics at file:line:col so `forewarn check` shows them with everything else.
extension EventCalendar {
    /// The calendar a definition describes, read in its own zone or else `defaultTimeZone` (the plan's).
    public init(definition: CalendarDefinition, defaultTimeZone: Zone) throws(CalendarError) {
        var sources: [CalendarSource] = []
        for event in definition.events {
            sources.append(try Self.source(for: event))
        }
        for file in definition.icsFiles {
            sources.append(.icsFile(path: file.url.path))
        }
        self.init(name: definition.name, timeZone: definition.timeZone ?? defaultTimeZone, sources: sources)
    }

    /// Every problem of every calendar in `set`, found without expanding them (UTC stands in for plans' zones).
    public static func diagnostics(for set: PlanSet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for definition in set.calendars.values.sorted(by: { $0.name < $1.name }) {
            let zone = definition.timeZone ?? .utc
            for event in definition.events {
                do {
                    let source = try Self.source(for: event)
                    for problem in source.problems(timeZone: zone) {
                        diagnostics.append(
                            Diagnostic(.error, at: event.location, "calendar '\(definition.name)': \(problem.message)"))
                    }
                } catch {
                    diagnostics.append(
                        Diagnostic(.error, at: event.location, "calendar '\(definition.name)': \(error.message)"))
                }
            }
            for file in definition.icsFiles where FileManager.default.fileExists(atPath: file.url.path) {
                for problem in CalendarSource.icsFile(path: file.url.path).problems(timeZone: zone) {
                    let location =
                        problem.line.map { SourceLocation(file: file.shown, line: $0, column: 1) } ?? file.location
                    diagnostics.append(Diagnostic(.error, at: location, problem.message))
                }
            }
        }
        return diagnostics
    }

    static func source(for event: CalendarEventDefinition) throws(CalendarError) -> CalendarSource {
        let start = moment(event.start)
        let end = event.end.map(moment)
        if let text = event.recurrenceRule {
            let rule: RecurrenceRule
            do { rule = try RecurrenceRule(text) } catch let error as CalendarError { throw error } catch {
                throw CalendarError(.invalidRule, "invalid rrule '\(text)': \(error)")
            }
            switch start {
            case .date(let day):
                let days: Int
                if case .date(let last)? = end {
                    days = last.daysSinceEpoch - day.daysSinceEpoch + 1
                } else {
                    days = max(1, Int(((event.duration?.seconds ?? 86_400) / 86_400).rounded(.up)))
                }
                return .recurring(
                    RecurringEvent(summary: event.summary, start: .date(day), length: .days(days), rule: rule))
            case .dateTime(let time):
                let seconds: Int
                if case .dateTime(let last)? = end {
                    seconds = Int(last.wallSeconds - time.wallSeconds)
                } else {
                    guard let duration = event.duration else {
                        throw CalendarError(
                            .invalidEntry, "event '\(event.summary)' starts at a time: give it an 'end' or a 'duration'"
                        )
                    }
                    seconds = Int(duration.seconds)
                }
                return .recurring(
                    RecurringEvent(
                        summary: event.summary, start: .dateTime(time), length: .seconds(seconds), rule: rule))
            }
        }
        switch (start, end) {
        case (.date(let day), nil):
            guard let duration = event.duration else {
                return .event(InlineEvent(summary: event.summary, span: .date(day)))
            }
            let days = max(1, Int((duration.seconds / 86_400).rounded(.up)))
            return .event(InlineEvent(summary: event.summary, span: .dates(day, through: day.adding(days: days - 1))))
        case (.date(let day), .date(let last)?):
            return .event(InlineEvent(summary: event.summary, span: .dates(day, through: last)))
        case (.dateTime(let time), .dateTime(let last)?):
            return .event(InlineEvent(summary: event.summary, span: .dateTimes(time, until: last)))
        case (.dateTime(let time), nil):
            guard let duration = event.duration else {
                throw CalendarError(
                    .invalidEntry, "event '\(event.summary)' starts at a time: give it an 'end' or a 'duration'")
            }
            let last = LocalDateTime(wallSeconds: time.wallSeconds + Int64(duration.seconds))
            return .event(InlineEvent(summary: event.summary, span: .dateTimes(time, until: last)))
        default:
            throw CalendarError(
                .invalidEntry, "event '\(event.summary)': 'start' and 'end' must both be dates or both be date-times")
        }
    }

    private enum Moment {
        case date(LocalDate)
        case dateTime(LocalDateTime)
    }

    private static func moment(_ value: CalendarEventDefinition.Moment) -> Moment {
        switch value {
        case .date(let day):
            return .date(LocalDate(year: day.year, month: day.month, day: day.day))
        case .dateTime(let time):
            let day = LocalDate(year: time.date.year, month: time.date.month, day: time.date.day)
            return .dateTime(LocalDateTime(date: day, hour: time.hour, minute: time.minute, second: time.second))
        }
    }
}

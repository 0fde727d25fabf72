import Foundation

extension ICSCalendar {
    /// Every problem found without expanding: structure, libical parse errors, unknown TZIDs, bad or
    /// never-matching RRULEs. Empty when the calendar is usable.
    public func problems(floatingZone: ZoneRules) -> [CalendarError] {
        LibICal.withLock {
            do {
                let document = try ICSDocument(text: text, source: source)
                let parseErrors = document.parseErrors()
                guard parseErrors.isEmpty else { return parseErrors }
                return try events(in: document, floatingZone: floatingZone).compactMap { event, line in
                    do {
                        for rule in event.rules {
                            let expander = RecurrenceExpander(
                                rule: rule, start: event.start.local, isDate: event.start.isDate, zone: event.start.zone
                            )
                            _ = try expander.starts(lower: 0, upper: -1)
                        }
                        return nil
                    } catch let error as CalendarError {
                        return CalendarError(
                            error.kind, error.message, source: source, line: document.ruleLine(after: line))
                    }
                }
            } catch let error as CalendarError {
                return [error.located(in: source)]
            } catch {
                return [CalendarError(.malformedICS, "\(error)", source: source)]
            }
        }
    }
}

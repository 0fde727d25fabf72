import CICal
import Foundation

extension ICSEvent {
    /// The instants of this series' instances; for DATE starts, all-day instances in `start.zone`.
    /// `replaced` holds instants that other VEVENTs (with RECURRENCE-ID) take over. Call under the lock.
    func occurrences(from: Date, to: Date, replaced: Set<Date>) throws -> [CalendarOccurrence] {
        let zone = start.zone
        let firstEnd = endOf(start.local)
        let reach = Int64(max(firstEnd.timeIntervalSince(start.instant), 0)) + 2 * 86_400
        let lower = Int64(from.timeIntervalSince1970) - reach
        let upper = Int64(to.timeIntervalSince1970) + 2 * 86_400
        var starts: Set<LocalDateTime> = [start.local]
        for rule in rules {
            var expander = RecurrenceExpander(rule: rule, start: start.local, isDate: start.isDate, zone: zone)
            // RFC 5545 §3.3.10: DTSTART always counts as the first occurrence, also towards COUNT.
            if expander.rule.count > 1, try expander.starts(lower: .min, upper: start.local.wallSeconds).isEmpty {
                expander.rule.count -= 1
            }
            starts.formUnion(try expander.starts(lower: lower, upper: upper))
        }
        for extra in extraStarts {
            starts.insert(extra.isDate ? extra.local : zone.local(at: extra.instant))
        }
        let excludedDates = Set(exclusions.filter(\.isDate).map(\.local.date))
        let excludedInstants = Set(exclusions.filter { !$0.isDate }.map(\.instant))
        return starts.compactMap { local -> CalendarOccurrence? in
            let begin = zone.date(of: local)
            if excludedDates.contains(local.date) || excludedInstants.contains(begin) || replaced.contains(begin) {
                return nil
            }
            let occurrence = CalendarOccurrence(
                start: begin, end: endOf(local), summary: summary, allDay: start.isDate, uid: uid)
            return occurrence.overlaps(from: from, to: to) ? occurrence : nil
        }
    }

    /// The end of the instance starting at `local`: DTEND's offset from DTSTART, else DURATION,
    /// else one day for a DATE and no time for a DATE-TIME (RFC 5545 §3.6.1).
    func endOf(_ local: LocalDateTime) -> Date {
        let begin = start.zone.date(of: local)
        if let end {
            if start.isDate {
                let days = end.local.date.daysSinceEpoch - start.local.date.daysSinceEpoch
                return start.zone.date(of: LocalDateTime(date: local.date.adding(days: days)))
            }
            return begin.addingTimeInterval(end.instant.timeIntervalSince(start.instant))
        }
        if let duration, icaldurationtype_is_null_duration(duration) == 0 {
            let sign: Int64 = duration.is_neg != 0 ? -1 : 1
            let days = sign * Int64(duration.days + duration.weeks * 7)
            let exact = sign * Int64(duration.hours * 3600 + duration.minutes * 60 + duration.seconds)
            let shifted = start.zone.date(of: LocalDateTime(wallSeconds: local.wallSeconds + days * 86_400))
            return shifted.addingTimeInterval(TimeInterval(exact))
        }
        return start.isDate ? start.zone.date(of: LocalDateTime(date: local.date.adding(days: 1))) : begin
    }
}

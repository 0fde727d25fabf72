import Foundation
import Zones

/// Opening hours per weekday with exceptions by date, in one IANA time zone (holiday-hours plans).
public struct OpeningHours: Hashable, Sendable {
    /// The zone the hours are read in.
    public var timeZone: Zone
    /// Intervals per ISO weekday (1 Monday … 7 Sunday); a missing weekday is closed.
    public var weekly: [Int: [OpeningInterval]]
    /// Dates whose hours differ from the weekly pattern.
    public var exceptions: [LocalDate: DayHours]

    /// Creates opening hours.
    public init(timeZone: Zone, weekly: [Int: [OpeningInterval]], exceptions: [LocalDate: DayHours] = [:]) {
        self.timeZone = timeZone
        self.weekly = weekly
        self.exceptions = exceptions
    }

    /// The intervals that start on a local date (empty when closed).
    public func hours(on date: LocalDate) -> [OpeningInterval] {
        switch exceptions[date] {
        case .closed: return []
        case .open(let intervals): return intervals
        case nil: return weekly[date.isoWeekday] ?? []
        }
    }

    /// Whether the place is open at an instant (wall-clock reading in `timeZone`).
    public func isOpen(at instant: Date) -> Bool {
        let local = ZoneRules(zone: timeZone).local(at: instant)
        let minute = local.hour * 60 + local.minute
        let today = hours(on: local.date).contains { interval in
            minute >= interval.opens.minutes && (interval.crossesMidnight || minute < interval.closes.minutes)
        }
        let spill = hours(on: local.date.adding(days: -1)).contains { $0.crossesMidnight && minute < $0.closes.minutes }
        return today || spill
    }

    /// The open periods touching `[from, to)`, as UTC intervals, clipped to the window and merged when adjacent.
    public func openIntervals(from: Date, to: Date) -> [DateInterval] {
        guard from < to else { return [] }
        let zone = ZoneRules(zone: timeZone)
        let first = zone.local(at: from).date.adding(days: -1)
        let last = zone.local(at: to).date
        var periods: [DateInterval] = []
        var day = first
        while day <= last {
            for interval in hours(on: day) {
                let opens = zone.date(
                    of: LocalDateTime(date: day, hour: interval.opens.minutes / 60, minute: interval.opens.minutes % 60)
                )
                let closeDay = interval.crossesMidnight || interval.closes.minutes == 1440 ? day.adding(days: 1) : day
                let closeMinute = interval.closes.minutes % 1440
                let closes = zone.date(
                    of: LocalDateTime(date: closeDay, hour: closeMinute / 60, minute: closeMinute % 60))
                let start = max(opens, from)
                let end = min(closes, to)
                if start < end { periods.append(DateInterval(start: start, end: end)) }
            }
            day = day.adding(days: 1)
        }
        return periods.sorted { $0.start < $1.start }.reduce(into: []) { merged, period in
            if let last = merged.last, period.start <= last.end {
                merged[merged.count - 1] = DateInterval(start: last.start, end: max(last.end, period.end))
            } else {
                merged.append(period)
            }
        }
    }
}

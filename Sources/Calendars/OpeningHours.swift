import Foundation

/// A time of day on the wall clock, from 00:00 up to and including 24:00 (the end of the day).
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes since midnight, 0…1440.
    public let minutes: Int

    /// Creates a time from hours and minutes; nil when out of range.
    public init?(hour: Int, minute: Int) {
        guard (0...24).contains(hour), (0..<60).contains(minute), hour * 60 + minute <= 1440 else { return nil }
        minutes = hour * 60 + minute
    }

    /// Parses `HH:MM` (`24:00` allowed).
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// `HH:MM`.
    public var description: String { "\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))" }

    /// Orders times within a day.
    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }
}

/// One opening interval of a day; when `closes` is not after `opens` it runs past midnight into the next day.
public struct OpeningInterval: Hashable, Sendable, CustomStringConvertible {
    /// When the doors open.
    public var opens: TimeOfDay
    /// When they close (exclusive).
    public var closes: TimeOfDay

    /// Creates an interval.
    public init(opens: TimeOfDay, closes: TimeOfDay) {
        self.opens = opens
        self.closes = closes
    }

    /// Whether the interval runs past midnight.
    public var crossesMidnight: Bool { closes <= opens }

    /// `HH:MM-HH:MM`.
    public var description: String { "\(opens)-\(closes)" }
}

/// The hours of one particular date, overriding the weekly pattern.
public enum DayHours: Hashable, Sendable {
    /// Closed all day.
    case closed
    /// Open in these intervals only.
    case open([OpeningInterval])
}

/// Opening hours per weekday with exceptions by date, in one IANA time zone (holiday-hours plans).
public struct OpeningHours: Hashable, Sendable {
    /// The zone the hours are read in.
    public var timeZone: TimeZone
    /// Intervals per ISO weekday (1 Monday … 7 Sunday); a missing weekday is closed.
    public var weekly: [Int: [OpeningInterval]]
    /// Dates whose hours differ from the weekly pattern.
    public var exceptions: [LocalDate: DayHours]

    /// Creates opening hours.
    public init(timeZone: TimeZone, weekly: [Int: [OpeningInterval]], exceptions: [LocalDate: DayHours] = [:]) {
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
        let local = ZoneRules(timeZone: timeZone).local(at: instant)
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
        let zone = ZoneRules(timeZone: timeZone)
        let first = zone.local(at: from).date.adding(days: -1)
        let last = zone.local(at: to).date
        var periods: [DateInterval] = []
        var day = first
        while day <= last {
            for interval in hours(on: day) {
                let opens = zone.date(of: LocalDateTime(date: day, hour: interval.opens.minutes / 60, minute: interval.opens.minutes % 60))
                let closeDay = interval.crossesMidnight || interval.closes.minutes == 1440 ? day.adding(days: 1) : day
                let closeMinute = interval.closes.minutes % 1440
                let closes = zone.date(of: LocalDateTime(date: closeDay, hour: closeMinute / 60, minute: closeMinute % 60))
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

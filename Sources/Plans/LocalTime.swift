import CivilDay
import Foundation

/// A calendar date without a zone, `YYYY-MM-DD`, interpreted in a plan's or calendar's time zone.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses `YYYY-MM-DD`, rejecting dates that do not exist (2026-02-30).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Creates a date when it exists in the proleptic Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDay.daysIn(month: month, year: year) else {
            return nil
        }
        (self.year, self.month, self.day) = (year, month, day)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }
}

/// A wall-clock date and time without a zone, `YYYY-MM-DDTHH:MM[:SS]`.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: LocalDate
    public let hour: Int
    public let minute: Int
    public let second: Int

    /// Parses `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD HH:MM:SS`.
    public init?(_ text: String) {
        let separator = text.firstIndex { $0 == "T" || $0 == " " }
        guard let separator, let date = LocalDate(String(text[..<separator])) else { return nil }
        let clock = text[text.index(after: separator)...].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count), clock.allSatisfy({ $0.count == 2 }),
            let hour = Int(clock[0]), let minute = Int(clock[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        let second = clock.count == 3 ? Int(clock[2]) : 0
        guard let second, (0...59).contains(second) else { return nil }
        (self.date, self.hour, self.minute, self.second) = (date, hour, minute, second)
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.hour, lhs.minute, lhs.second) < (rhs.date, rhs.hour, rhs.minute, rhs.second)
    }

    public var description: String {
        String(format: "%@T%02d:%02d:%02d", date.description, hour, minute, second)
    }
}

/// A daily range of wall-clock times, `HH:MM-HH:MM`; a start after the end wraps past midnight (21:00-08:00).
public struct ClockRange: Hashable, Sendable, CustomStringConvertible {
    /// Minutes after local midnight at which the range starts.
    public let startMinute: Int
    /// Minutes after local midnight at which the range ends (1440 for 24:00).
    public let endMinute: Int

    /// Parses `HH:MM-HH:MM`.
    public init?(_ text: String) {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2, let start = ClockRange.minutes(ends[0]), let end = ClockRange.minutes(ends[1]),
            start != end, start < 1_440
        else { return nil }
        (startMinute, endMinute) = (start, end)
    }

    /// Whether the range runs past midnight.
    public var wrapsMidnight: Bool { startMinute > endMinute }

    /// Whether `minute` after local midnight lies in the range (start inclusive, end exclusive).
    public func contains(minute: Int) -> Bool {
        wrapsMidnight ? (minute >= startMinute || minute < endMinute) : (minute >= startMinute && minute < endMinute)
    }

    private static func minutes(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]),
            let m = Int(parts[1]), (0...59).contains(m), (0...24).contains(h), h < 24 || m == 0
        else { return nil }
        return h * 60 + m
    }

    public var description: String {
        String(format: "%02d:%02d-%02d:%02d", startMinute / 60, startMinute % 60, endMinute / 60, endMinute % 60)
    }
}

/// At most `count` notices to one recipient in any `window`, written `3 per 7d`.
public struct FrequencyCap: Hashable, Sendable, CustomStringConvertible {
    public let count: Int
    public let window: PlanDuration

    /// Creates a cap.
    public init(count: Int, window: PlanDuration) {
        self.count = count
        self.window = window
    }

    /// The longest window a cap may count over: `forewarn run --retention` keeps contacts at least this long.
    public static let longestWindow: Double = 60 * 86_400

    /// Parses `<count> per <duration>` (a window of at most 60 days).
    public static func parse(_ text: String) throws(ValueSyntaxError) -> FrequencyCap {
        let parts = text.split(separator: " ")
        guard parts.count == 3, parts[1] == "per", let count = Int(parts[0]), count > 0 else {
            throw ValueSyntaxError("invalid frequency cap '\(text)': expected '<count> per <duration>' (e.g. 3 per 7d)")
        }
        let window = try PlanDuration.parse(String(parts[2]))
        guard window.seconds > 0 else {
            throw ValueSyntaxError("invalid frequency cap '\(text)': the window must be positive")
        }
        guard window.seconds <= longestWindow else {
            throw ValueSyntaxError(
                "invalid frequency cap '\(text)': the window can be at most 60d (contact records are kept for the "
                    + "daemon's retention, at least 60 days)")
        }
        return FrequencyCap(count: count, window: window)
    }

    public var description: String { "\(count) per \(window)" }
}

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
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]),
            let minute = Int(parts[1])
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

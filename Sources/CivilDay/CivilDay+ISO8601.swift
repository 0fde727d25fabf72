import Foundation

extension CivilDay {
    /// An instant in UTC as ISO 8601 to the second, `2026-11-30T12:00:00Z` (what Foundation's
    /// `formatted(.iso8601)` prints), from integer arithmetic alone: no `TimeZone`, so no ICU (docs/daemon.md,
    /// "Memory"), and cheap enough for every log line.
    public static func iso8601(_ date: Date) -> String {
        let (days, rest) = split(Int64(date.timeIntervalSince1970.rounded(.down)))
        let (year, month, day) = Self.date(days: Int(days))
        return padded(Int64(year), 4) + "-" + padded(Int64(month), 2) + "-" + padded(Int64(day), 2) + "T"
            + padded(rest / 3600, 2) + ":" + padded(rest / 60 % 60, 2) + ":" + padded(rest % 60, 2) + "Z"
    }

    /// Seconds since 1970-01-01T00:00:00 (on any clock) as whole days and the second of the day, rounded down:
    /// `-1` is day `-1`, second `86_399`.
    public static func split(_ seconds: Int64) -> (days: Int64, secondOfDay: Int64) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (days, seconds - days * 86_400)
    }

    /// `value` with leading zeros to `width` digits.
    public static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

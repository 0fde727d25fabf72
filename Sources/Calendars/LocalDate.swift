import CivilDay

/// A calendar date with no time zone (a day on the wall calendar).
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, e.g. 2026.
    public var year: Int
    /// The month, 1…12.
    public var month: Int
    /// The day of the month, 1…31.
    public var day: Int

    /// Creates a date from its parts (not validated; see `init?(iso:)` for checked input).
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (or the iCalendar form `YYYYMMDD`), rejecting impossible dates.
    public init?(iso text: some StringProtocol) {
        let digits = text.filter { $0 != "-" }
        let dashes = text.count - digits.count
        guard digits.count == 8, dashes == 0 || (dashes == 2 && text.count == 10),
            digits.allSatisfy(\.isASCII), let value = Int(String(digits))
        else { return nil }
        self.init(year: value / 10000, month: value / 100 % 100, day: value % 100)
        guard month >= 1, month <= 12, day >= 1, day <= CivilDay.daysIn(month: month, year: year) else { return nil }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Days since 1970-01-01 (negative before), in the proleptic Gregorian calendar.
    public var daysSinceEpoch: Int { CivilDay.days(year: year, month: month, day: day) }

    /// The date `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int) {
        let (year, month, day) = CivilDay.date(days: daysSinceEpoch)
        self.init(year: year, month: month, day: day)
    }

    /// The date `count` days later (earlier when negative).
    public func adding(days count: Int) -> LocalDate {
        LocalDate(daysSinceEpoch: daysSinceEpoch + count)
    }

    /// The ISO weekday: 1 is Monday … 7 is Sunday.
    public var isoWeekday: Int {
        let value = (daysSinceEpoch + 3) % 7  // 1970-01-01 was a Thursday (index 3 from Monday).
        return (value < 0 ? value + 7 : value) + 1
    }

    /// Orders dates chronologically.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// Zero-pads a non-negative number to `width` digits.
func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

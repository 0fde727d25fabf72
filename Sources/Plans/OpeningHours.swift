import Foundation

/// A set of weekdays written `mon`, `sat` or a range `mon-fri` (ranges may wrap: `fri-mon`).
public struct Weekdays: Hashable, Sendable {
    /// Days as ISO numbers, 1 = Monday … 7 = Sunday.
    public let days: Set<Int>

    static let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Parses `mon` or `mon-fri`.
    public init?(_ text: String) {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(ends.count) else { return nil }
        let numbers = ends.compactMap { Weekdays.names.firstIndex(of: String($0)).map { $0 + 1 } }
        guard numbers.count == ends.count else { return nil }
        guard numbers.count == 2 else {
            days = [numbers[0]]
            return
        }
        var result: Set<Int> = [numbers[0]]
        var day = numbers[0]
        while day != numbers[1] {
            day = day % 7 + 1
            result.insert(day)
        }
        days = result
    }
}

/// The opening hours of one day: closed, or one or more clock ranges (`09:00-13:00, 15:00-19:00`).
public struct DailyHours: Hashable, Sendable, CustomStringConvertible {
    /// The open ranges, in order; empty when closed.
    public let ranges: [ClockRange]

    /// Whether the place is closed all day.
    public var isClosed: Bool { ranges.isEmpty }

    /// Creates hours from ranges; none means closed.
    public init(ranges: [ClockRange]) { self.ranges = ranges }

    /// Parses `closed` or comma-separated `HH:MM-HH:MM` ranges that do not wrap midnight.
    public static func parse(_ text: String) throws(ValueSyntaxError) -> DailyHours {
        if text == "closed" { return DailyHours(ranges: []) }
        var ranges: [ClockRange] = []
        for part in text.split(separator: ",") {
            let trimmed = part.trimmingWhitespace
            guard let range = ClockRange(trimmed), !range.wrapsMidnight else {
                throw ValueSyntaxError(
                    "invalid opening hours '\(text)': expected 'closed' or ranges such as 09:00-14:00 or 09:00-13:00, 15:00-19:00"
                )
            }
            if let last = ranges.last, range.startMinute < last.endMinute {
                throw ValueSyntaxError("invalid opening hours '\(text)': ranges must be in order and must not overlap")
            }
            ranges.append(range)
        }
        guard !ranges.isEmpty else {
            throw ValueSyntaxError("invalid opening hours '\(text)': expected 'closed' or ranges such as 09:00-14:00")
        }
        return DailyHours(ranges: ranges)
    }

    public var description: String {
        isClosed ? "closed" : ranges.map(\.description).joined(separator: ", ")
    }
}

import Foundation
import Zones

extension OpeningHours {
    /// Weekday names accepted in rules, ISO-numbered.
    static let weekdayNames = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]

    /// Builds hours from rules such as `mon-fri 09:00-20:00`, `sat 10:00-14:00,16:00-18:00`, `sun closed`
    /// and exceptions such as `["2026-12-25": "closed", "2026-12-24": "09:00-14:00"]`.
    /// Throws `CalendarError` (kind `.invalidEntry`) naming the bad entry.
    public init(timeZone: Zone, rules: [String], exceptions: [String: String] = [:]) throws {
        var weekly: [Int: [OpeningInterval]] = [:]
        for rule in rules {
            let parts = rule.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else {
                throw CalendarError(.invalidEntry, "opening-hours rule '\(rule)' must read like 'mon-fri 09:00-20:00'")
            }
            let hours = try DayHours(parsing: String(parts[1]))
            for day in try Self.weekdays(in: String(parts[0]), rule: rule) {
                if case .open(let intervals) = hours { weekly[day, default: []] += intervals } else { weekly[day] = [] }
            }
        }
        var dated: [LocalDate: DayHours] = [:]
        for (key, value) in exceptions {
            guard let date = LocalDate(iso: key) else {
                throw CalendarError(.invalidEntry, "opening-hours exception date '\(key)' is not a YYYY-MM-DD date")
            }
            dated[date] = try DayHours(parsing: value)
        }
        self.init(timeZone: timeZone, weekly: weekly, exceptions: dated)
    }

    /// ISO weekdays named by `mon`, `mon-fri`, `sat,sun` or `fri-mon` (wrapping).
    private static func weekdays(in text: String, rule: String) throws -> [Int] {
        try text.lowercased().split(separator: ",").flatMap { item -> [Int] in
            let ends = item.split(separator: "-").map { weekdayNames[String($0)] }
            guard (1...2).contains(ends.count), let first = ends.first ?? nil, let last = ends.last ?? nil else {
                throw CalendarError(
                    .invalidEntry,
                    "opening-hours rule '\(rule)': unknown weekday '\(item)'; use mon tue wed thu fri sat sun")
            }
            let count = (last - first + 7) % 7
            return (0...count).map { (first - 1 + $0) % 7 + 1 }
        }
    }
}

extension DayHours {
    /// Parses `closed` or intervals `09:00-14:00,16:00-18:00`; throws `CalendarError` on bad input.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "closed" {
            self = .closed
            return
        }
        let intervals = try trimmed.split(separator: ",").map { item -> OpeningInterval in
            let bounds = item.trimmingCharacters(in: .whitespaces).split(separator: "-")
            guard bounds.count == 2, let opens = TimeOfDay(parsing: bounds[0]),
                let closes = TimeOfDay(parsing: bounds[1]),
                opens.minutes < 1440, opens != closes
            else {
                throw CalendarError(
                    .invalidEntry,
                    "opening hours '\(item)' must read like '09:00-20:00' (or 'closed'), with distinct times")
            }
            return OpeningInterval(opens: opens, closes: closes)
        }
        guard !intervals.isEmpty else {
            throw CalendarError(.invalidEntry, "opening hours '\(text)' are empty; write 'closed' or '09:00-20:00'")
        }
        self = .open(intervals)
    }
}

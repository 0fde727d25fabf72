import CICal
import CivilDay
import Foundation
import Plans

/// An RFC 5545 recurrence rule (`FREQ=MONTHLY;BYDAY=-1FR`), checked by libical when created.
public struct RecurrenceRule: Hashable, Sendable, CustomStringConvertible {
    /// The rule text without any `RRULE:` prefix.
    public let text: String

    /// Parses and checks a rule; throws `CalendarError` (kind `.invalidRule`) when libical rejects it
    /// or when it can never produce an occurrence (such as `FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30`).
    public init(_ text: String) throws {
        var body = text.trimmingWhitespaceAndNewlines
        if body.uppercased().hasPrefix("RRULE:") { body.removeFirst(6) }
        self.text = body
        let rule = self
        try LibICal.withLock { _ = try rule.parsed() }
    }

    /// The rule text.
    public var description: String { text }

    /// The libical form of the rule. Call under the lock.
    func parsed() throws -> icalrecurrencetype {
        icalerror_clear_errno()
        let rule = icalrecurrencetype_from_string(text)
        guard rule.freq != ICAL_NO_RECURRENCE, icalerrno_return().pointee == ICAL_NO_ERROR else {
            throw CalendarError(
                .invalidRule,
                "cannot parse recurrence rule '\(text)'; expected RFC 5545 parts such as 'FREQ=WEEKLY;BYDAY=MO'")
        }
        if let reason = Self.impossibility(of: text) {
            throw CalendarError(.invalidRule, "recurrence rule '\(text)' never matches: \(reason)")
        }
        return rule
    }

    /// Why a rule's BYMONTH and BYMONTHDAY parts can never meet, or nil when they can.
    static func impossibility(of text: String) -> String? {
        var parts: [String: [Int]] = [:]
        for part in text.uppercased().split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            parts[String(pair[0])] = pair[1].split(separator: ",").compactMap { Int($0) }
        }
        guard let days = parts["BYMONTHDAY"], !days.isEmpty else { return nil }
        let months = parts["BYMONTH"].flatMap { $0.isEmpty ? nil : $0 } ?? Array(1...12)
        let longest = months.map { CivilDay.daysIn(month: $0, year: 2000) }.max() ?? 31
        guard days.allSatisfy({ abs($0) > longest }) else { return nil }
        let monthList = months.map(String.init).joined(separator: ",")
        let dayList = days.map(String.init).joined(separator: ",")
        return "BYMONTHDAY=\(dayList) does not exist in BYMONTH=\(monthList) (at most \(longest) days)"
    }
}

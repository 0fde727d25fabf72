import Foundation

extension ZoneRules {
    /// An instant as ISO 8601 with this zone's offset, e.g. `2026-09-18T00:00:00-03:00`.
    public func iso8601(_ date: Date) -> String {
        let offset = offset(at: date)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "\(local(at: date))\(sign)\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))"
    }

    /// One `start,end,summary` line; the summary is quoted (RFC 4180) when it holds a comma, quote or line break.
    public func csvLine(_ occurrence: CalendarOccurrence) -> String {
        var summary = occurrence.summary
        if summary.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) {
            summary = "\"" + summary.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return "\(iso8601(occurrence.start)),\(iso8601(occurrence.end)),\(summary)"
    }

    /// Reads a window bound: `YYYY-MM-DD` (local midnight), `YYYY-MM-DDTHH:MM[:SS]` (local wall clock,
    /// under the DST rule), or either with `Z` or `±HH:MM` (an exact instant).
    /// Throws `CalendarError` (kind `.invalidEntry`) on anything else.
    public func instant(parsing text: String) throws -> Date {
        if let date = LocalDate(iso: text) { return self.date(of: LocalDateTime(date: date)) }
        if let local = LocalDateTime(iso: text) { return self.date(of: local) }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let exact = formatter.date(from: text) { return exact }
        throw CalendarError(
            .invalidEntry,
            "'\(text)' is not a date; use YYYY-MM-DD, YYYY-MM-DDTHH:MM or an ISO 8601 instant such as 2026-09-18T00:00:00Z"
        )
    }
}

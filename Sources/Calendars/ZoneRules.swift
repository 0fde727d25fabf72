import Foundation

/// Turns wall-clock readings into instants and back for one time zone, with a fixed DST rule.
///
/// The rule (see docs/calendars.md): a reading that does not exist (inside a spring-forward gap)
/// is shifted forward by the length of the gap, as RFC 5545 §3.3.5 prescribes; a reading that
/// happens twice (inside a fall-back overlap) means its first occurrence, the earlier instant.
public struct ZoneRules {
    /// The zone's name, e.g. `America/Santiago`.
    public let identifier: String
    /// The offset from UTC, in seconds, in force at an instant given in Unix seconds.
    let offsetAt: (Int64) -> Int

    /// Rules from an IANA time zone known to this system.
    public init(timeZone: TimeZone) {
        identifier = timeZone.identifier
        offsetAt = { timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval($0))) }
    }

    /// Rules from an IANA name; throws `CalendarError` when the name is unknown.
    public init(identifier: String) throws {
        guard let zone = TimeZone(identifier: identifier) else {
            throw CalendarError.unknownTimeZone(identifier, source: nil, line: nil)
        }
        self.init(timeZone: zone)
    }

    /// Rules from any offset function (used for VTIMEZONE definitions inside .ics files).
    init(identifier: String, offsetAt: @escaping (Int64) -> Int) {
        self.identifier = identifier
        self.offsetAt = offsetAt
    }

    /// The instant of a wall-clock reading, in Unix seconds, under the DST rule above.
    public func instantSeconds(of local: LocalDateTime) -> Int64 {
        let wall = local.wallSeconds
        let before = offsetAt(wall - 86_400)
        let after = offsetAt(wall + 86_400)
        if before == after, offsetAt(wall - Int64(before)) == before {
            return wall - Int64(before)  // No transition within a day either side: the common case.
        }
        let candidates = [before, offsetAt(wall), after]
        let valid = candidates.map { wall - Int64($0) }.filter { Int64(offsetAt($0)) == wall - $0 }
        if let earliest = valid.min() { return earliest }
        return wall - Int64(before)  // In a gap: keep the offset before it, i.e. move forward by the gap.
    }

    /// The instant of a wall-clock reading under the DST rule above.
    public func date(of local: LocalDateTime) -> Date {
        Date(timeIntervalSince1970: TimeInterval(instantSeconds(of: local)))
    }

    /// The wall-clock reading at an instant.
    public func local(at date: Date) -> LocalDateTime {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        return LocalDateTime(wallSeconds: seconds + Int64(offsetAt(seconds)))
    }

    /// The offset from UTC, in seconds, at an instant.
    public func offset(at date: Date) -> Int {
        offsetAt(Int64(date.timeIntervalSince1970.rounded(.down)))
    }
}

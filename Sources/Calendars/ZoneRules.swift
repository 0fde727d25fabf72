import Foundation
import Zones

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
    public init(zone: Zone) {
        identifier = zone.identifier
        offsetAt = zone.secondsFromGMT(at:)
    }

    /// Rules from an IANA name; throws `CalendarError` when the name is unknown.
    public init(identifier: String) throws {
        guard let zone = Zone(identifier: identifier) else {
            throw CalendarError.unknownTimeZone(identifier, source: nil, line: nil)
        }
        self.init(zone: zone)
    }

    /// Rules from any offset function (used for VTIMEZONE definitions inside .ics files).
    init(identifier: String, offsetAt: @escaping (Int64) -> Int) {
        self.identifier = identifier
        self.offsetAt = offsetAt
    }

    /// The instant of a wall-clock reading, in Unix seconds, under the DST rule above.
    public func instantSeconds(of local: LocalDateTime) -> Int64 {
        Zone.instant(ofWallSeconds: local.wallSeconds, offsetAt: offsetAt)
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

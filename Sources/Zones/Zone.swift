import CICal
import Foundation

/// A time zone of the IANA tz database, read from the system's copy (`/usr/share/zoneinfo`, Debian's `tzdata`)
/// through libical, the iCalendar library forewarn already uses for calendars.
///
/// Not Foundation's `TimeZone`: on Linux that is ICU with its own copy of the tz data built into the binary, and
/// the first `TimeZone` (even `UTC`) pages in about 1 MiB of it for the daemon's whole life (docs/daemon.md,
/// "Memory"). The system's tz data is also the one `tzdata` updates keep current.
public struct Zone: Sendable, Hashable, CustomStringConvertible {
    /// The IANA name, e.g. `America/Santiago`.
    public let identifier: String
    /// libical's zone; nil for UTC.
    private let handle: Handle?

    /// Coordinated Universal Time.
    public static let utc = Zone(identifier: "UTC", handle: nil)

    /// The zone named `identifier` (`Europe/Madrid`, `America/Santiago`, `UTC`, or a backward-compatible alias
    /// such as `US/Eastern`), or nil when the system's tz database has no such zone.
    public init?(identifier: String) {
        if identifier == "UTC" || identifier == "GMT" {
            self.init(identifier: identifier, handle: nil)
            return
        }
        guard Self.isPlausibleName(identifier),
            let zone = LibICalLock.withLock({ icaltimezone_get_builtin_timezone(identifier) })
        else { return nil }
        self.init(identifier: identifier, handle: Handle(zone))
    }

    private init(identifier: String, handle: Handle?) {
        self.identifier = identifier
        self.handle = handle
    }

    /// The offset from UTC, in seconds, in force at an instant given in Unix seconds.
    public func secondsFromGMT(at unixSeconds: Int64) -> Int {
        guard let handle else { return 0 }
        return LibICalLock.withLock {
            var time = icaltime_from_timet_with_zone(time_t(unixSeconds), 0, icaltimezone_get_utc_timezone())
            var isDaylight: Int32 = 0
            return Int(icaltimezone_get_utc_offset_of_utc_time(handle.zone, &time, &isDaylight))
        }
    }

    /// The offset from UTC, in seconds, in force at `date`.
    public func secondsFromGMT(for date: Date) -> Int {
        secondsFromGMT(at: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    /// The wall-clock reading at an instant, as seconds since 1970-01-01T00:00:00 on the local clock.
    public func wallSeconds(at unixSeconds: Int64) -> Int64 {
        unixSeconds + Int64(secondsFromGMT(at: unixSeconds))
    }

    /// The instant (Unix seconds) of a wall-clock reading under forewarn's DST rule: see
    /// ``instant(ofWallSeconds:offsetAt:)``.
    public func instant(ofWallSeconds wall: Int64) -> Int64 {
        Self.instant(ofWallSeconds: wall, offsetAt: secondsFromGMT(at:))
    }

    /// The instant (Unix seconds) of a wall-clock reading in a zone given by its offset function.
    ///
    /// A reading that does not exist (inside a spring-forward gap) is shifted forward by the length of the gap,
    /// as RFC 5545 §3.3.5 prescribes; a reading that happens twice (inside a fall-back overlap) means its first
    /// occurrence, the earlier instant.
    public static func instant(ofWallSeconds wall: Int64, offsetAt: (Int64) -> Int) -> Int64 {
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

    public var description: String { identifier }

    public static func == (lhs: Zone, rhs: Zone) -> Bool { lhs.identifier == rhs.identifier }

    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    /// IANA names are ASCII letters, digits, `_`, `-`, `+` and `/`-separated parts; anything else (a path with
    /// `..`, a leading `/`) is refused before libical turns the name into a file path under the zoneinfo directory.
    static func isPlausibleName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= 64, bytes.first != UInt8(ascii: "/"), bytes.last != UInt8(ascii: "/")
        else { return false }
        let allowed = bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                UInt8(ascii: "/"):
                true
            default: false
            }
        }
        return allowed && !name.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty }
    }

    /// A zone libical owns; libical keeps its built-in zones until the process exits.
    private final class Handle: @unchecked Sendable {
        let zone: OpaquePointer
        init(_ zone: OpaquePointer) { self.zone = zone }
    }
}

/// Serialises every call into libical, which keeps process-wide state (error number, the built-in zones it loads
/// on first use and whose tables of transitions it extends on demand). Reentrant: a calendar expansion that holds
/// it reads zone offsets through it again.
public enum LibICalLock {
    private static let lock = NSRecursiveLock()
    nonisolated(unsafe) private static var isConfigured = false

    /// Runs `body` while holding the libical lock; the first call turns off libical's fatal errors.
    public static func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        if !isConfigured {
            icalerror_set_errors_are_fatal(0)
            isConfigured = true
        }
        return try body()
    }
}

import CivilDay
import Foundation
import Zones

/// A daily window, in the recipient's own time zone, when customers must not be contacted.
public struct QuietHours: Sendable, Equatable {
    /// Minutes after local midnight when the window starts (21:00 = 1260).
    public var start: Int
    /// Minutes after local midnight when it ends (08:00 = 480); may be earlier than `start` (overnight).
    public var end: Int

    /// The default window, 21:00–08:00 (TCPA: no contact before 8 or after 21 local time).
    public static let standard = QuietHours(start: 21 * 60, end: 8 * 60)

    /// Creates a window from local times in minutes after midnight.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Parses `"21:00-08:00"`; throws a clear error otherwise.
    public init(parsing text: String) throws {
        let halves = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        func minutes(_ value: String) -> Int? {
            let fields = value.split(separator: ":")
            guard fields.count == 2, let hour = Int(fields[0]), let minute = Int(fields[1]),
                (0..<24).contains(hour), (0..<60).contains(minute)
            else { return nil }
            return hour * 60 + minute
        }
        guard halves.count == 2, let start = minutes(halves[0]), let end = minutes(halves[1]), start != end else {
            throw DeliveryError("quiet hours '\(text)' must look like '21:00-08:00' (two different HH:MM times)")
        }
        self.init(start: start, end: end)
    }

    /// Whether `minute` (after local midnight) falls inside the window.
    func contains(minute: Int) -> Bool {
        start < end ? (start..<end).contains(minute) : (minute >= start || minute < end)
    }

    /// When the window that holds `now` ends in `timeZone`, or nil when `now` is outside the window.
    ///
    /// DST-correct: the end is the next time the zone's wall clock reads `end`, in the offset in force then
    /// (a reading skipped by a spring-forward gap moves forward by the gap, as everywhere in forewarn).
    public func end(containing now: Date, in timeZone: Zone) -> Date? {
        let instant = Int64(now.timeIntervalSince1970.rounded(.down))
        let wall = timeZone.wallSeconds(at: instant)
        let (day, secondOfDay) = CivilDay.split(wall)
        let midnight = day * 86_400
        guard contains(minute: Int(secondOfDay) / 60) else { return nil }
        var target = midnight + Int64(end) * 60
        if target <= wall { target += 86_400 }  // An overnight window ends tomorrow.
        return Date(timeIntervalSince1970: TimeInterval(timeZone.instant(ofWallSeconds: target)))
    }
}

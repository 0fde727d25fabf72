import Foundation

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
    /// DST-correct: the end is the next local wall-clock time `end`, computed by the calendar of the zone.
    public func end(containing now: Date, in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let local = calendar.dateComponents([.hour, .minute], from: now)
        guard let hour = local.hour, let minute = local.minute, contains(minute: hour * 60 + minute) else {
            return nil
        }
        let target = DateComponents(hour: end / 60, minute: end % 60, second: 0)
        return calendar.nextDate(after: now, matching: target, matchingPolicy: .nextTime, direction: .forward)
    }
}

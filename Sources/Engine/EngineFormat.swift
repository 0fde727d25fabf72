import CivilDay
import Foundation
import Zones

/// Fixed, locale-independent formatting of instants and durations.
public enum EngineFormat {
    /// `2026-11-30T12:00:00Z`.
    public static func iso(_ date: Date) -> String { CivilDay.iso8601(date) }

    /// `value` with leading zeros to `width` digits (no Foundation formatting: this is on the tick's path).
    static func pad(_ value: Int64, _ width: Int) -> String { CivilDay.padded(value, width) }

    /// A lead as people say it: `3 days`, `2 h`, `1 h 30 min`, `10 min` (or in Spanish).
    public static func lead(_ seconds: TimeInterval, locale: String) -> String {
        let spanish = locale.hasPrefix("es")
        let total = Int(max(0, seconds).rounded())
        if total >= 86_400, total % 86_400 == 0 {
            let days = total / 86_400
            return spanish ? "\(days) día\(days == 1 ? "" : "s")" : "\(days) day\(days == 1 ? "" : "s")"
        }
        let hours = total / 3600
        let minutes = total % 3600 / 60
        if hours == 0 { return "\(minutes) min" }
        return minutes == 0 ? "\(hours) h" : "\(hours) h \(minutes) min"
    }

    /// Date and time of `date` in `zone`: `30-11-2026` (es) or `2026-11-30`, and `09:00`.
    public static func local(_ date: Date, zone: Zone, locale: String) -> (date: String, time: String, iso: String) {
        let instant = Int64(date.timeIntervalSince1970.rounded(.down))
        let offset = Int64(zone.secondsFromGMT(at: instant))
        let (days, rest) = CivilDay.split(instant + offset)
        let civil = CivilDay.date(days: Int(days))
        let (y, m, d) = (Int64(civil.year), Int64(civil.month), Int64(civil.day))
        // `pad`, not `String(format:)`: this runs for every notice rendered, on the tick's path.
        let dateText =
            locale.hasPrefix("es")
            ? pad(d, 2) + "-" + pad(m, 2) + "-" + pad(y, 4) : pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
        let time = pad(rest / 3600, 2) + ":" + pad(rest / 60 % 60, 2)
        let sign = offset < 0 ? "-" : "+"
        let iso =
            pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + time + ":" + pad(rest % 60, 2) + sign
            + pad(abs(offset) / 3600, 2) + ":" + pad(abs(offset) / 60 % 60, 2)
        return (dateText, time, iso)
    }
}

extension EngineFormat {
    /// A number as messages show it: whole numbers without decimals, others with up to two.
    public static func number(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.2f", value)
    }
}

import CICal
import Zones

/// Every call into libical goes through `LibICalLock` (module Zones), shared with the time zones.
enum LibICal {
    /// Runs `body` while holding the libical lock, with libical's error number cleared.
    static func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        try LibICalLock.withLock {
            icalerror_clear_errno()
            return try body()
        }
    }

    /// The text of the current libical error, or nil when none is set. Call under the lock.
    static func currentErrorText() -> String? {
        let code = icalerrno_return().pointee
        guard code != ICAL_NO_ERROR else { return nil }
        return icalerror_strerror(code).map { String(cString: $0) }
    }
}

extension icaltimetype {
    /// The wall-clock value of this libical time, ignoring its zone.
    var localDateTime: LocalDateTime {
        LocalDateTime(
            date: LocalDate(year: Int(year), month: Int(month), day: Int(day)),
            hour: is_date != 0 ? 0 : Int(hour), minute: is_date != 0 ? 0 : Int(minute),
            second: is_date != 0 ? 0 : Int(second))
    }

    /// A floating libical time for a wall-clock value; `isDate` makes it a DATE value.
    static func floating(_ local: LocalDateTime, isDate: Bool) -> icaltimetype {
        var time = icaltime_null_time()
        time.year = Int32(local.date.year)
        time.month = Int32(local.date.month)
        time.day = Int32(local.date.day)
        time.hour = isDate ? 0 : Int32(local.hour)
        time.minute = isDate ? 0 : Int32(local.minute)
        time.second = isDate ? 0 : Int32(local.second)
        time.is_date = isDate ? 1 : 0
        return time
    }
}

import CSystemd
import Foundation

/// The systemd watchdog settings of this process and the main-loop tick derived from them.
public struct Watchdog: Sendable, Hashable {
    /// The watchdog timeout, or nil when systemd expects no pings from this process.
    public var timeout: Duration?

    /// Settings with an explicit timeout (tests) or none.
    public init(timeout: Duration?) { self.timeout = timeout }

    /// Reads `WATCHDOG_USEC`/`WATCHDOG_PID` through `sd_watchdog_enabled`: enabled only when the pid is unset or ours.
    public static func fromEnvironment() -> Watchdog {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return Watchdog(timeout: nil) }
        return Watchdog(timeout: .microseconds(Int64(clamping: microseconds)))
    }

    /// The main-loop tick: a third of the timeout (so pings come well within WATCHDOG_USEC/2), at most `idle`.
    public func tick(idle: Duration = .seconds(5)) -> Duration {
        guard let timeout else { return idle }
        return min(idle, max(.milliseconds(10), timeout / 3))
    }
}

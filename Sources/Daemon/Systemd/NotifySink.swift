/// Where sd_notify messages go: `SystemdNotifier` in the daemon, a recorder in tests.
public protocol NotifySink: Sendable {
    /// Sends `fields` (e.g. `[("READY", "1"), ("STATUS", "4 plans")]`) as one message; false if it failed.
    @discardableResult
    func send(_ fields: [(String, String)]) -> Bool
}

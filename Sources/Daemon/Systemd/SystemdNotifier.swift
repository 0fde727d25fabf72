import CSystemd
import Foundation

/// Tells systemd about the daemon's state through `sd_notify` (READY=1, STATUS=, RELOADING=1, STOPPING=1).
/// Without `$NOTIFY_SOCKET` every call is a no-op, so the daemon runs the same outside systemd.
public struct SystemdNotifier: NotifySink {
    /// Creates a notifier; it reads `$NOTIFY_SOCKET` on each call, as libsystemd does.
    public init() {}

    /// Whether a notification socket is set (the daemon runs under `Type=notify`).
    public var isEnabled: Bool { ProcessInfo.processInfo.environment["NOTIFY_SOCKET"] != nil }

    /// Sends `fields` (e.g. `["READY": "1", "STATUS": "4 plans"]`) in one datagram; returns false if it failed.
    @discardableResult
    public func notify(_ fields: KeyValuePairs<String, String>) -> Bool {
        let message = fields.map { key, value in
            "\(key)=\(LogRedaction.singleLine(value))"
        }.joined(separator: "\n")
        return sd_notify(0, message) >= 0
    }

    /// Sends `fields` in one datagram (the `NotifySink` entry point).
    @discardableResult
    public func send(_ fields: [(String, String)]) -> Bool {
        let message = fields.map { "\($0.0)=\(LogRedaction.singleLine($0.1))" }.joined(separator: "\n")
        return sd_notify(0, message) >= 0
    }

    /// READY=1 with a one-line status.
    @discardableResult
    public func ready(status: String) -> Bool { notify(["READY": "1", "STATUS": status]) }

    /// STOPPING=1 with a one-line status.
    @discardableResult
    public func stopping(status: String) -> Bool { notify(["STOPPING": "1", "STATUS": status]) }

    /// STATUS= and ERRNO= before a fatal exit.
    @discardableResult
    public func failed(status: String, errno code: Int32) -> Bool {
        notify(["STATUS": status, "ERRNO": String(code)])
    }
}

import Foundation

/// How `forewarn run` was asked to run.
public struct DaemonOptions: Sendable {
    /// The plan directory.
    public var plansDirectory: String
    /// The state directory (created if missing).
    public var stateDirectory: String
    /// Where the API listens.
    public var listen: ListenAddress
    /// The watchdog settings.
    public var watchdog: Watchdog

    /// Creates options.
    public init(plansDirectory: String, stateDirectory: String, listen: ListenAddress, watchdog: Watchdog) {
        self.plansDirectory = plansDirectory
        self.stateDirectory = stateDirectory
        self.listen = listen
        self.watchdog = watchdog
    }
}

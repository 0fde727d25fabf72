import Foundation

/// A fatal start error: reported as STATUS= and ERRNO= and a non-zero exit.
public struct DaemonStartError: Error, Sendable, CustomStringConvertible {
    /// The errno systemd records (ERRNO=).
    public var errno: Int32
    /// What is wrong and what to do.
    public var message: String

    /// Creates an error.
    public init(errno: Int32, _ message: String) {
        self.errno = errno
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

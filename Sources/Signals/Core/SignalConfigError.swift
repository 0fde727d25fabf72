/// A signal definition that cannot work: the message says which setting is wrong and how to fix it.
public struct SignalConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. `signal 'ups_runtime': interval must be positive`.
    public var message: String

    /// Creates a configuration error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

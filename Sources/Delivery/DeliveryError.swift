/// A delivery configuration or input problem, with a message saying what failed and what to do.
public struct DeliveryError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The message.
    public let description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}

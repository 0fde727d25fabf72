import Foundation

/// Whether this instance leads, as last confirmed through the database; it lapses on its own at the lease's
/// expiry, so an instance cut off from the database stops leading no later than others may take over.
public final class Leadership: @unchecked Sendable {
    private let lock = NSLock()
    private var validUntil: Date?

    /// Creates a flag that does not lead.
    public init() {}

    /// Whether the lease is held at `now`.
    public func isLeader(at now: Date) -> Bool {
        lock.withLock { validUntil.map { now < $0 } ?? false }
    }

    /// Records that the lease is held until `expiry`.
    public func hold(until expiry: Date) {
        lock.withLock { validUntil = expiry }
    }

    /// Records that the lease is lost.
    public func lose() {
        lock.withLock { validUntil = nil }
    }
}

import Foundation

/// Whether this instance leads, as last confirmed through the database; it lapses on its own at the lease's
/// expiry, so an instance cut off from the database stops leading no later than others may take over.
public final class Leadership: @unchecked Sendable {
    private let lock = NSLock()
    private var validUntil: Date?
    private var heldSince: Date?

    /// Creates a flag that does not lead.
    public init() {}

    /// Whether the lease is held at `now`.
    public func isLeader(at now: Date) -> Bool {
        lock.withLock { validUntil.map { now < $0 } ?? false }
    }

    /// The lease's `acquired_at` while held (the fencing term: it changes whenever another instance led between),
    /// or nil when not leading or unknown.
    public func term(at now: Date) -> Date? {
        lock.withLock { validUntil.map { now < $0 } == true ? heldSince : nil }
    }

    /// Records that the lease is held until `expiry`, taken at `term` (nil keeps the known term).
    public func hold(until expiry: Date, term: Date? = nil) {
        lock.withLock {
            validUntil = expiry
            if let term { heldSince = term }
        }
    }

    /// Records that the lease is lost.
    public func lose() {
        lock.withLock {
            validUntil = nil
            heldSince = nil
        }
    }
}

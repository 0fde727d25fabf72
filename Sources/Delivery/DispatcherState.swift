import Foundation
import Store

/// Mutable dispatcher state shared by concurrent sends.
final class DispatcherState: @unchecked Sendable {
    private let lock = NSLock()
    private var disabled: [String: (reason: String, fromStore: Bool)] = [:]
    private var restored = false
    private var inFlight = 0

    /// The reason a receiver was disabled, if it was.
    func disabledReason(_ receiver: String) -> String? { lock.withLock { disabled[receiver]?.reason } }

    /// Disables a receiver; returns false when it already was (so the owner is alerted once).
    func disable(_ receiver: String, reason: String) -> Bool {
        lock.withLock {
            guard disabled[receiver] == nil else { return false }
            disabled[receiver] = (reason, false)
            return true
        }
    }

    /// Re-enables a receiver in this process; returns whether it was disabled.
    func enable(_ receiver: String) -> Bool { lock.withLock { disabled.removeValue(forKey: receiver) != nil } }

    /// Applies the store's list: adds what it holds, re-enables what it held before and no longer does.
    /// Disables the store never held (a store that does not persist them) stay for the process' life.
    func apply(stored: [DisabledReceiver]) {
        lock.withLock {
            let names = Set(stored.map(\.name))
            disabled = disabled.filter { !$0.value.fromStore || names.contains($0.key) }
            for receiver in stored { disabled[receiver.name] = (receiver.reason, true) }
            restored = true
        }
    }

    /// Whether the store's list was read at least once.
    var hasRestored: Bool { lock.withLock { restored } }

    /// Counts claimed notices not finished yet; returns the new count.
    @discardableResult
    func addInFlight(_ delta: Int) -> Int {
        lock.withLock {
            inFlight += delta
            return inFlight
        }
    }
}

import Foundation

/// The receivers a dispatcher sends through and their gates, swapped as a whole on reload.
final class ReceiverTable: @unchecked Sendable {
    private let lock = NSLock()
    private var byName: [String: ReceiverConfig]
    private var gatesByName: [String: ReceiverGate]

    /// Creates the table with a fresh gate per receiver.
    init(_ receivers: [String: ReceiverConfig]) {
        byName = receivers
        gatesByName = receivers.mapValues(Self.gate(for:))
    }

    /// The receivers in force, by name.
    var receivers: [String: ReceiverConfig] { lock.withLock { byName } }

    /// Their gates, by name.
    var gates: [String: ReceiverGate] { lock.withLock { gatesByName } }

    /// Swaps in `receivers`; a receiver whose limits did not change keeps its gate (and the attempts in it).
    func replace(with receivers: [String: ReceiverConfig]) {
        lock.withLock {
            gatesByName = receivers.mapValues { receiver in
                if let old = byName[receiver.name], let gate = gatesByName[receiver.name],
                    old.maximumConcurrency == receiver.maximumConcurrency, old.ratePerSecond == receiver.ratePerSecond
                {
                    return gate
                }
                return Self.gate(for: receiver)
            }
            byName = receivers
        }
    }

    private static func gate(for receiver: ReceiverConfig) -> ReceiverGate {
        ReceiverGate(capacity: receiver.maximumConcurrency, ratePerSecond: receiver.ratePerSecond)
    }
}

extension Dispatcher {
    /// The names of the receivers in force, sorted.
    public var receiverNames: [String] { receiverTable.receivers.keys.sorted() }

    /// Takes `receivers` into use (a SIGHUP reload): submissions and attempts from now on see them, attempts
    /// already sending finish with the configuration they started with. A pending notice whose receiver is gone
    /// fails at its next attempt. Throws, keeping the receivers in force, when two share a name.
    public func replaceReceivers(_ receivers: [ReceiverConfig]) throws {
        var byName: [String: ReceiverConfig] = [:]
        for receiver in receivers {
            guard byName.updateValue(receiver, forKey: receiver.name) == nil else {
                throw DeliveryError("receiver '\(receiver.name)' is defined twice; receiver names must be unique")
            }
        }
        receiverTable.replace(with: byName)
        logger.info("receivers replaced", metadata: ["receivers": "\(byName.keys.sorted().joined(separator: ","))"])
        nudge()
    }
}

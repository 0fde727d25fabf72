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

    /// The names of the receivers in force on `channel` (`sms`, `webhook`), sorted.
    public func receiverNames(channel: String) -> [String] {
        receiverTable.receivers.values.filter { $0.kind.channel == channel }.map(\.name).sorted()
    }

    /// Takes `receivers` into use (a SIGHUP reload): submissions and attempts from now on see them, attempts
    /// already sending finish with the configuration they started with. A pending notice whose receiver is gone
    /// fails at its next attempt. With `options`, its transliterated audiences and owner alerts replace those in
    /// force too (the metrics sink stays the one in force, so counters continue). Throws, keeping everything in
    /// force, when two receivers share a name or one falls back to no other defined receiver.
    public func replaceReceivers(_ receivers: [ReceiverConfig], options: DispatcherOptions? = nil) throws {
        let byName = try Self.validated(receivers)
        receiverTable.replace(with: byName)
        if let options {
            optionsInForce.withLock { current in
                current = DispatcherOptions(
                    transliteratedAudiences: options.transliteratedAudiences, ownerAlerts: options.ownerAlerts,
                    metrics: current.metrics)
            }
        }
        logger.info("receivers replaced", metadata: ["receivers": "\(byName.keys.sorted().joined(separator: ","))"])
        nudge()
    }
}

import Foundation
import HTTPTransport
import Logging
import Store
import Synchronization

/// The durable dispatcher: policies, then the outbox, then attempts over libcurl with retries.
///
/// Every notice is stored before its first attempt; every attempt sends the stored id and body bytes.
/// Call ``run(pollInterval:batchSize:)`` as a long-running service (it first returns interrupted notices to
/// `pending`).
public final class Dispatcher: Sendable {
    let store: any NoticeStore
    let recipients: any RecipientStore
    let transport: HTTPTransport
    /// The receivers in force and their gates (swapped by `replaceReceivers`, Dispatcher+Reload.swift).
    let receiverTable: ReceiverTable
    var receivers: [String: ReceiverConfig] { receiverTable.receivers }
    var gates: [String: ReceiverGate] { receiverTable.gates }
    let secrets: SecretResolver
    let now: @Sendable () -> Date
    let randomUnit: @Sendable () -> Double
    let logger: Logger
    let state: DispatcherState
    let recorder: AttemptRecorder
    let wakeUp: AsyncStream<Void>.Continuation
    let wakeUps: AsyncStream<Void>
    /// Transliteration and owner alerts in force (swapped on reload, Dispatcher+Reload.swift).
    let optionsInForce: Mutex<DispatcherOptions>
    /// The options in force now.
    var options: DispatcherOptions { optionsInForce.withLock { $0 } }
    /// Called when a receiver answered 410 and was disabled (receiver name, reason).
    let onReceiverDisabled: @Sendable (String, String) -> Void

    /// Creates a dispatcher; `now` and `randomUnit` are injected so tests control time and jitter.
    public init(
        store: any NoticeStore, recipients: any RecipientStore, transport: HTTPTransport,
        receivers: [ReceiverConfig], secrets: SecretResolver = SecretResolver(),
        now: @escaping @Sendable () -> Date = { Date() },
        randomUnit: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        logger: Logger = Logger(label: "forewarn.delivery"),
        options: DispatcherOptions = DispatcherOptions(),
        onReceiverDisabled: @escaping @Sendable (String, String) -> Void = { _, _ in }
    ) throws {
        let byName = try Self.validated(receivers)
        self.store = store
        self.recipients = recipients
        self.transport = transport
        receiverTable = ReceiverTable(byName)
        self.secrets = secrets
        self.now = now
        self.randomUnit = randomUnit
        self.logger = logger
        optionsInForce = Mutex(options)
        state = DispatcherState()
        recorder = AttemptRecorder(store: store)
        (wakeUps, wakeUp) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
        self.onReceiverDisabled = onReceiverDisabled
    }

    /// Wakes the loop so a newly stored notice is sent without waiting for the next poll.
    public func nudge() { wakeUp.yield() }

    /// The receivers by name; throws when two share a name or one falls back to no other defined receiver.
    static func validated(_ receivers: [ReceiverConfig]) throws -> [String: ReceiverConfig] {
        var byName: [String: ReceiverConfig] = [:]
        for receiver in receivers {
            guard byName.updateValue(receiver, forKey: receiver.name) == nil else {
                throw DeliveryError("receiver '\(receiver.name)' is defined twice; receiver names must be unique")
            }
        }
        for receiver in receivers {
            if let fallback = receiver.fallback, byName[fallback] == nil || fallback == receiver.name {
                throw DeliveryError(
                    "receiver '\(receiver.name)' falls back to '\(fallback)', which is not another defined receiver")
            }
        }
        return byName
    }
}

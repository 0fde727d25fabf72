import Foundation
import HTTPTransport
import Logging
import Store

/// The durable dispatcher: policies, then the outbox, then attempts over libcurl with retries.
///
/// Every notice is stored before its first attempt; every attempt sends the stored id and body bytes.
/// Call ``run()`` as a long-running service (it first returns interrupted notices to `pending`).
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
    /// Called when a receiver answered 410 and was disabled (tell the plan owner).
    let onReceiverDisabled: @Sendable (String, String) -> Void

    /// Creates a dispatcher; `now` and `randomUnit` are injected so tests control time and jitter.
    public init(
        store: any NoticeStore, recipients: any RecipientStore, transport: HTTPTransport,
        receivers: [ReceiverConfig], secrets: SecretResolver = SecretResolver(),
        now: @escaping @Sendable () -> Date = { Date() },
        randomUnit: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        logger: Logger = Logger(label: "forewarn.delivery"),
        onReceiverDisabled: @escaping @Sendable (String, String) -> Void = { _, _ in }
    ) throws {
        var byName: [String: ReceiverConfig] = [:]
        for receiver in receivers {
            guard byName.updateValue(receiver, forKey: receiver.name) == nil else {
                throw DeliveryError("receiver '\(receiver.name)' is defined twice; receiver names must be unique")
            }
        }
        self.store = store
        self.recipients = recipients
        self.transport = transport
        receiverTable = ReceiverTable(byName)
        self.secrets = secrets
        self.now = now
        self.randomUnit = randomUnit
        self.logger = logger
        state = DispatcherState()
        recorder = AttemptRecorder(store: store)
        (wakeUps, wakeUp) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
        self.onReceiverDisabled = onReceiverDisabled
    }

    /// Runs the policy stages and stores the notice (or its suppression); never sends by itself.
    public func submit(_ submission: NoticeSubmission) async throws -> SubmissionResult {
        guard let receiver = receivers[submission.receiver] else {
            throw DeliveryError("unknown receiver '\(submission.receiver)'; define it before using it")
        }
        let instant = now()
        let candidate = submission.candidate
        let existing = try await store.notice(identity: submission.identity)
        if let existing { return .duplicate(id: existing.id) }
        let since = instant.addingTimeInterval(-(submission.settings.frequencyCap?.window.seconds ?? 0))
        let facts = PolicyFacts(
            consent: candidate.isCustomer
                ? try await recipients.consent(recipient: candidate.recipient, channel: candidate.channel) : nil,
            suppressionReason: try await recipients.suppression(address: candidate.address, channel: candidate.channel)?
                .reason,
            isDuplicate: false,
            recentContacts: submission.settings.frequencyCap == nil
                ? 0
                : try await recipients.contactCount(
                    recipient: candidate.recipient, audience: candidate.audience,
                    since: since))
        let (outcome, trail) = PolicyPipeline.evaluate(
            candidate, facts: facts, settings: submission.settings, now: instant)
        let id = NoticeID.make()
        let message = OutboundMessage(
            noticeID: id, type: submission.type, createdAt: instant, to: candidate.address, text: submission.text,
            data: submission.data)
        let body = try receiver.kind.encoding.makeBody(for: message)
        var record = NoticeRecord(
            id: id, identity: submission.identity, receiver: receiver.name, body: body, createdAt: instant,
            dueAt: instant)
        let result: SubmissionResult
        switch outcome {
        case .duplicate:
            return .duplicate(id: existing?.id ?? "")
        case .suppress(let stage, let reason):
            record.state = .suppressed
            record.reason = "\(stage.rawValue): \(reason)"
            result = .suppressed(id: id, stage: stage, reason: reason)
        case .enqueue(let dueAt, let isDeferred):
            record.state = isDeferred ? .deferred : .pending
            record.reason = trail.last { $0.stage == .quietHours }?.reason ?? "enqueued"
            record.dueAt = dueAt
            result = .enqueued(id: id, dueAt: dueAt, isDeferred: isDeferred)
        }
        switch try await store.insert(record) {
        case .duplicate(let other):
            return .duplicate(id: other.id)
        case .inserted:
            if case .enqueued = result, candidate.isCustomer {
                try await recipients.recordContact(
                    recipient: candidate.recipient, audience: candidate.audience, at: instant)
            }
            logger.debug(
                "notice stored",
                metadata: [
                    "notice.id": "\(id)", "receiver": "\(receiver.name)",
                    "policy": "\(trail.map { "\($0.stage.rawValue)=\($0.reason)" })",
                ])
            wakeUp.yield()
            return result
        }
    }

    /// Wakes the loop so a newly stored notice is sent without waiting for the next poll.
    public func nudge() { wakeUp.yield() }
}

/// Mutable dispatcher state shared by concurrent sends.
final class DispatcherState: @unchecked Sendable {
    private let lock = NSLock()
    private var disabled: [String: String] = [:]

    /// The reason a receiver was disabled, if it was.
    func disabledReason(_ receiver: String) -> String? { lock.withLock { disabled[receiver] } }

    /// Disables a receiver for the rest of this process' life.
    func disable(_ receiver: String, reason: String) { lock.withLock { disabled[receiver] = reason } }
}

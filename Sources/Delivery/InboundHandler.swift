import Foundation
import Store

/// What handling an inbound (mobile-originated) message did.
public struct InboundResult: Sendable, Equatable {
    /// The recognised command.
    public var command: InboundCommand
    /// Whether the caller must now send the one opt-out (or opt-in) confirmation.
    public var sendsConfirmation: Bool
}

/// Applies inbound opt-outs and opt-ins to the recipient store before the next send.
public struct InboundHandler: Sendable {
    let recipients: any RecipientStore

    /// Creates a handler over a recipient store.
    public init(recipients: any RecipientStore) {
        self.recipients = recipients
    }

    /// Suppresses the sender on STOP-like words (one confirmation at most), lifts it on START.
    public func handle(from address: String, body: String, channel: String = "sms", now: Date) async throws
        -> InboundResult
    {
        let command = OptOutParser.parse(body)
        switch command {
        case .optOut(let keyword):
            let existing = try await recipients.suppression(address: address, channel: channel)
            let alreadyConfirmed = existing?.confirmationSent ?? false
            try await recipients.suppress(
                Suppression(
                    address: address, channel: channel, reason: "opt-out: \(keyword)", since: existing?.since ?? now,
                    confirmationSent: true))
            return InboundResult(command: command, sendsConfirmation: !alreadyConfirmed)
        case .optIn:
            let removed = try await recipients.removeSuppression(address: address, channel: channel)
            return InboundResult(command: command, sendsConfirmation: removed)
        case .other:
            return InboundResult(command: command, sendsConfirmation: false)
        }
    }
}

import Daemon
import Delivery
import Foundation
import Logging
import Store

/// The API's `NoticeDesk` over the SQLite store, the dispatcher and the inbound SMS handler.
struct LiveNoticeDesk: NoticeDesk {
    /// The outbox and recipient facts.
    let store: any ForewarnStore
    /// The dispatcher (replays).
    let dispatcher: Dispatcher
    /// The logger.
    let logger: Logger

    func notices(state: String?) async throws -> [NoticeSummary] {
        let filter = try state.map { name in
            guard let state = NoticeState(rawValue: name) else {
                throw DeliveryError(
                    "unknown notice state '\(name)'; use one of \(NoticeState.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return state
        }
        return try await store.notices(state: filter).map { record in
            NoticeSummary(
                id: record.id, planID: String(record.identity.occurrence.prefix { $0 != "/" }),
                receiver: record.receiver,
                state: record.state.rawValue, createdAt: record.createdAt,
                deliveryReport: record.deliveryReport?.outcome.rawValue, deliveryReportAt: record.deliveryReport?.at)
        }
    }

    func pendingCount() async -> Int {
        guard let counts = try? await store.countByState() else { return 0 }
        return counts.filter { $0.key.isUnfinished }.map(\.value).reduce(0, +)
    }

    func replay(id: String) async throws -> Bool {
        guard let notice = try await store.notice(id: id) else { return false }
        guard !notice.state.isUnfinished else {
            throw NoticeDeskConflict(
                "notice '\(id)' is still \(notice.state.rawValue); it will be sent without a replay")
        }
        try await dispatcher.replay(id: id)
        return true
    }

    func suppress(_ suppression: Daemon.Suppression) async throws {
        try await store.suppress(
            Store.Suppression(
                address: suppression.address, channel: suppression.channel ?? "sms",
                reason: suppression.reason ?? "suppressed through the API", since: Date()))
    }

    func lift(_ suppression: Daemon.Suppression) async throws -> Bool {
        try await store.removeSuppression(address: suppression.address, channel: suppression.channel ?? "sms")
    }

    /// Applies an opt-out or opt-in and sends its one confirmation back through the SMS receiver the message came
    /// through (`receiver`, else the first SMS receiver in force). An opt-out is never refused: with a receiver
    /// name the plans do not define, it is applied and confirmed through the first SMS receiver, with a warning.
    func receive(_ message: InboundMessage) async throws {
        let receivers = dispatcher.receiverNames(channel: "sms")
        var through = message.receiver
        if let named = through, !receivers.contains(named) {
            let known =
                receivers.isEmpty ? "the plans define none" : "SMS receivers: " + receivers.joined(separator: ", ")
            logger.warning(
                "Inbound SMS names receiver '\(named)', which is not an SMS receiver of the plans (\(known)); fix the gateway's URL"
            )
            through = nil
        }
        let result = try await InboundHandler(recipients: store).handle(
            from: message.from, body: message.text, now: Date())
        logger.info("Inbound SMS: \(result.command)\(result.sendsConfirmation ? " (confirmation owed)" : "")")
        guard result.sendsConfirmation else { return }
        guard let receiver = through ?? receivers.first,
            let submission = OptOutConfirmation.submission(
                for: result.command, to: message.from, receiver: receiver, at: Date())
        else {
            logger.warning("No SMS receiver in the plans: the opt-out confirmation is not sent")
            return
        }
        // The number is already suppressed (or lifted) in the store; the one confirmation goes through the outbox.
        let outcome = try await dispatcher.submit(submission)
        logger.info("Opt-out confirmation through '\(receiver)': \(outcome)")
    }

    /// Keeps the report on its notice (Kannel's `dlr-url`, `id=<notice>&status=%d`).
    ///
    /// A malformed report answers 400 and one for an unknown notice 404 (the caller's mistake, not a server error).
    func deliveryReport(_ parameters: [String: String]) async throws {
        do {
            try await dispatcher.recordDeliveryReport(parameters)
        } catch let error as DeliveryError {
            let wellFormed = (try? KannelDeliveryReport.parse(parameters, at: Date())) != nil
            throw APIError(wellFormed ? .notFound : .badRequest, error.description)
        }
    }
}

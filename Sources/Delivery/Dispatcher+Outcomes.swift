import Foundation
import Logging
import Store

extension Dispatcher {
    /// The step suffix of a fallback notice's identity; a fallback notice never falls back again.
    static let fallbackMarker = "#fallback"

    /// Stores the attempt and the state its decision leads to (group commit); a notice that dies first hands over
    /// to the receiver's fallback, so a crash in between at worst repeats that hand-over, which the identity dedupes.
    func record(
        _ attempt: AttemptRecord, of notice: NoticeRecord, decision: RetryDecision, receiver: ReceiverConfig
    ) async throws {
        let (state, reason, dueAt): (NoticeState, String, Date?)
        switch decision {
        case .delivered:
            (state, reason, dueAt) = (.delivered, "accepted", nil)
        case .retry(let at, let why):
            (state, reason, dueAt) = (.pending, why, at)
        case .fail(let why):
            (state, reason, dueAt) = (.failed, why, nil)
            await fallBack(notice, from: receiver, why: why)
        case .disableReceiver(let why):
            await disable(receiver, reason: why)
            (state, reason, dueAt) = (.failed, why, nil)
            await fallBack(notice, from: receiver, why: why)
        case .dead(let why):
            logger.warning("dead letter", metadata: ["notice.id": "\(attempt.noticeID)", "reason": "\(why)"])
            (state, reason, dueAt) = (.dead, why, nil)
            await fallBack(notice, from: receiver, why: why)
        }
        try await recorder.record(AttemptResult(attempt: attempt, state: state, reason: reason, dueAt: dueAt))
        switch state {
        case .delivered:
            options.metrics.count(outcome: "delivered")
            options.metrics.recordDelivered(createdAt: notice.createdAt, at: attempt.at + attempt.latency)
        case .failed, .dead:
            options.metrics.count(outcome: state.rawValue)
        default:
            break
        }
    }

    /// Enqueues a notice that died on `receiver` once to its fallback receiver, under a distinct identity
    /// (step + `#fallback`) with the reason; nothing when there is no fallback or it is itself a fallback.
    func fallBack(_ notice: NoticeRecord, from receiver: ReceiverConfig, why: String) async {
        guard let name = receiver.fallback, let fallback = receivers[name],
            !notice.identity.step.hasSuffix(Self.fallbackMarker)
        else { return }
        let metadata: Logger.Metadata = ["notice.id": "\(notice.id)", "fallback": "\(name)"]
        guard let bytes = notice.message, let stored = try? StoredMessage.decoded(bytes) else {
            return logger.error("cannot fall back: the notice was stored without its message", metadata: metadata)
        }
        let instant = now()
        let id = NoticeID.make()
        var identity = notice.identity
        identity.step += Self.fallbackMarker
        do {
            let record = NoticeRecord(
                id: id, identity: identity, receiver: name,
                body: try fallback.kind.encoding.makeBody(for: stored.message(id: id)),
                reason: "fallback for \(notice.id) after \(receiver.name): \(why)", createdAt: instant, dueAt: instant)
            if case .inserted = try await store.insert(record) {
                options.metrics.count(outcome: "fallback")
                logger.notice(
                    "notice handed to its fallback receiver",
                    metadata: metadata.merging(["fallback.id": "\(id)"]) { $1 })
                wakeUp.yield()
            }
        } catch {
            logger.error("cannot fall back", metadata: metadata.merging(["error": "\(error)"]) { $1 })
        }
    }

    /// Disables a receiver (410 Gone): persisted, logged, the callback called and the plan owners alerted, once.
    func disable(_ receiver: ReceiverConfig, reason: String) async {
        guard state.disable(receiver.name, reason: reason) else { return }
        let record = DisabledReceiver(name: receiver.name, reason: reason, since: now())
        logger.error("receiver disabled", metadata: ["receiver": "\(receiver.name)", "reason": "\(reason)"])
        do { try await store.disableReceiver(record) } catch {
            logger.error("cannot persist the disabled receiver", metadata: ["error": "\(error)"])
        }
        onReceiverDisabled(receiver.name, reason)
        let alerts = options.ownerAlerts(record)
        guard !alerts.isEmpty else { return }
        do { _ = try await submit(contentsOf: alerts) } catch {
            logger.error("cannot alert the owners of a disabled receiver", metadata: ["error": "\(error)"])
        }
    }

    /// Reads the disabled receivers from the store (after a restart, or after `forewarn receivers enable`).
    func refreshDisabledReceivers() async throws {
        state.apply(stored: try await store.disabledReceivers())
    }

    /// Re-enables a disabled receiver in the store and in this process; returns whether it was disabled.
    @discardableResult
    public func enableReceiver(name: String) async throws -> Bool {
        let wasStored = try await store.enableReceiver(name: name)
        let wasDisabled = state.enable(name)
        return wasStored || wasDisabled
    }
}

import Foundation
import HTTPTransport
import Logging
import Store

extension Dispatcher {
    /// The dispatch loop: recovers interrupted notices, then sends due ones until the task is cancelled.
    public func run(pollInterval: Duration = .seconds(1), batchSize: Int = 256) async throws {
        let recovered = try await store.recoverInterrupted(now: now())
        if recovered > 0 {
            logger.notice("returned interrupted notices to pending", metadata: ["count": "\(recovered)"])
        }
        var wakeUps = self.wakeUps.makeAsyncIterator()
        while !Task.isCancelled {
            let sent = try await dispatchDue(limit: batchSize)
            if sent == batchSize { continue }
            let timeout = Task {
                try? await Task.sleep(for: pollInterval)
                self.wakeUp.yield()
            }
            _ = await wakeUps.next()
            timeout.cancel()
        }
    }

    /// Claims the notices due now and sends them (per-receiver limits apply); returns how many were handled.
    @discardableResult
    public func dispatchDue(limit: Int = 256) async throws -> Int {
        let due = try await store.claimDue(at: now(), limit: limit)
        await withTaskGroup(of: Void.self) { group in
            for notice in due {
                group.addTask { await self.attempt(notice) }
            }
        }
        return due.count
    }

    /// One attempt of one claimed notice: send, record, decide, update.
    func attempt(_ notice: NoticeRecord) async {
        let metadata: Logger.Metadata = ["notice.id": "\(notice.id)", "receiver": "\(notice.receiver)"]
        do {
            guard let receiver = receivers[notice.receiver], let gate = gates[notice.receiver] else {
                return try await store.update(
                    id: notice.id, state: .failed, reason: "receiver '\(notice.receiver)' is no longer defined",
                    dueAt: nil)
            }
            if let reason = state.disabledReason(receiver.name) {
                return try await store.update(
                    id: notice.id, state: .failed, reason: "receiver disabled: \(reason)", dueAt: nil)
            }
            await gate.acquire()
            let started = now()
            let outcome = await send(notice, via: receiver, at: started)
            await gate.release()
            let attemptNumber = notice.attemptCount + 1
            let attempt = AttemptRecord(
                noticeID: notice.id, at: started, status: outcome.status, latency: outcome.latency,
                error: outcome.error)
            let decision = RetryPolicy.decide(
                outcome: outcome.outcome, attempt: attemptNumber, schedule: receiver.retry, now: now(),
                randomUnit: randomUnit())
            try await record(attempt, decision: decision, receiver: receiver)
            logger.debug("attempt finished", metadata: metadata.merging(["decision": "\(decision)"]) { $1 })
        } catch {
            // The store failed: the notice stays `sending` and returns to `pending` at the next start.
            logger.error("could not record an attempt", metadata: metadata.merging(["error": "\(error)"]) { $1 })
        }
    }

    private func send(_ notice: NoticeRecord, via receiver: ReceiverConfig, at instant: Date) async
        -> (outcome: AttemptOutcome, status: Int?, latency: Double, error: String?)
    {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let parts = try receiver.kind.encoding.makeRequest(
                noticeID: notice.id, body: notice.body, now: instant, secrets: secrets)
            let request = HTTPRequest(
                method: parts.method, url: parts.url, headers: parts.headers.map { HTTPHeader($0.0, $0.1) },
                body: parts.body, connectTimeout: receiver.connectTimeout, totalTimeout: receiver.totalTimeout,
                maximumResponseBytes: 64 * 1024)
            let response = try await transport.perform(request)
            let error = (200..<300).contains(response.status) ? nil : "HTTP \(response.status)"
            return (
                .response(status: response.status, retryAfter: response.headerValue("retry-after")),
                response.status, (clock.now - start).seconds, error
            )
        } catch let error as HTTPTransportError {
            return (.transportFailure(error), nil, (clock.now - start).seconds, error.description)
        } catch {
            let failure = HTTPTransportError.other(code: -1, message: "\(error)")
            return (.transportFailure(failure), nil, (clock.now - start).seconds, failure.description)
        }
    }

    /// Stores the attempt and the state its decision leads to, in one transaction.
    private func record(_ attempt: AttemptRecord, decision: RetryDecision, receiver: ReceiverConfig) async throws {
        let (state, reason, dueAt): (NoticeState, String, Date?)
        switch decision {
        case .delivered:
            (state, reason, dueAt) = (.delivered, "accepted", nil)
        case .retry(let at, let why):
            (state, reason, dueAt) = (.pending, why, at)
        case .fail(let why):
            (state, reason, dueAt) = (.failed, why, nil)
        case .disableReceiver(let why):
            self.state.disable(receiver.name, reason: why)
            logger.error("receiver disabled", metadata: ["receiver": "\(receiver.name)", "reason": "\(why)"])
            onReceiverDisabled(receiver.name, why)
            (state, reason, dueAt) = (.failed, why, nil)
        case .dead(let why):
            logger.warning("dead letter", metadata: ["notice.id": "\(attempt.noticeID)", "reason": "\(why)"])
            (state, reason, dueAt) = (.dead, why, nil)
        }
        try await recorder.record(AttemptResult(attempt: attempt, state: state, reason: reason, dueAt: dueAt))
    }
}

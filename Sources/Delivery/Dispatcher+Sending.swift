import Foundation
import HTTPTransport
import Logging
import Store

extension Dispatcher {
    /// The dispatch loop: recovers interrupted notices, then sends due ones until the task is cancelled.
    ///
    /// Up to `batchSize` notices are claimed at once (in flight or waiting at their receiver's gate). The loop
    /// claims again as soon as a quarter of them finished, while the rest are still in flight, so a fan-out never
    /// waits for the slowest notice of a batch; a new submission wakes it at once.
    public func run(pollInterval: Duration = .seconds(1), batchSize: Int = 256) async throws {
        let recovered = try await store.recoverInterrupted(now: now())
        if recovered > 0 {
            logger.notice("returned interrupted notices to pending", metadata: ["count": "\(recovered)"])
        }
        let limit = max(1, batchSize)
        let refill = max(1, limit / 4)
        var wakeUps = self.wakeUps.makeAsyncIterator()
        let clock = ContinuousClock()
        var lastHousekeeping: ContinuousClock.Instant?
        // One ticker wakes the loop every poll interval (retries and deferrals falling due); a timer per wait
        // showed up in profiles.
        let ticker = Task {
            while !Task.isCancelled {
                guard (try? await Task.sleep(for: pollInterval)) != nil else { return }
                self.wakeUp.yield()
            }
        }
        defer { ticker.cancel() }
        try await withThrowingDiscardingTaskGroup { group in
            while !Task.isCancelled {
                if lastHousekeeping.map({ clock.now - $0 >= .seconds(5) }) ?? true {
                    lastHousekeeping = clock.now
                    try await refreshDisabledReceivers()
                    options.metrics.recordQueue(try await store.countByState())
                }
                let room = limit - state.addInFlight(0)
                if room >= refill {
                    let due = try await store.claimDue(at: now(), limit: room)
                    state.addInFlight(due.count)
                    for notice in due {
                        group.addTask {
                            await self.attempt(notice)
                            // Enough room again: wake the loop to claim more while the rest are in flight.
                            if self.state.addInFlight(-1) == limit - refill { self.wakeUp.yield() }
                        }
                    }
                    if due.count == room { continue }
                }
                _ = await wakeUps.next()
            }
        }
    }

    /// Claims the notices due now and sends them (per-receiver limits apply); returns how many were handled.
    @discardableResult
    public func dispatchDue(limit: Int = 256) async throws -> Int {
        if !state.hasRestored { try await refreshDisabledReceivers() }
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
                options.metrics.count(outcome: "failed")
                return try await store.update(
                    id: notice.id, state: .failed, reason: "receiver '\(notice.receiver)' is no longer defined",
                    dueAt: nil)
            }
            if let reason = state.disabledReason(receiver.name) {
                let why = "receiver disabled: \(reason)"
                await fallBack(notice, from: receiver, why: why)
                options.metrics.count(outcome: "failed")
                return try await store.update(id: notice.id, state: .failed, reason: why, dueAt: nil)
            }
            await gate.acquire()
            let started = now()
            let outcome = await send(notice, via: receiver, at: started)
            await gate.release()
            let attempt = AttemptRecord(
                noticeID: notice.id, at: started, status: outcome.status, latency: outcome.latency,
                error: outcome.error)
            let decision = RetryPolicy.decide(
                outcome: outcome.outcome, attempt: notice.attemptCount + 1, schedule: receiver.retry, now: now(),
                randomUnit: randomUnit())
            options.metrics.countAttempt(receiver: receiver.name, status: outcome.status)
            try await record(attempt, of: notice, decision: decision, receiver: receiver)
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
}

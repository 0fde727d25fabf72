import Foundation
import HTTPTransport
import Store

/// What a receiver answered to a test message (for `forewarn receivers test`).
public struct ReceiverTestReport: Sendable {
    /// The request line with secrets masked, e.g. `GET http://…/sendsms?username=u&password=***&…`.
    public var request: String
    /// The HTTP status, when a response came.
    public var status: Int?
    /// The response body (first 2 KB) or the transport error.
    public var answer: String
    /// What the retry rules make of it (`delivered`, `retry`, `fail`, …).
    public var verdict: String
}

extension Dispatcher {
    /// Resends a finished notice with the same id and body bytes: back to `pending`, due now.
    public func replay(id: String) async throws {
        guard let notice = try await store.notice(id: id) else { throw DeliveryError("no notice with id '\(id)'") }
        guard !notice.state.isUnfinished else {
            throw DeliveryError("notice '\(id)' is still \(notice.state.rawValue); it will be sent without a replay")
        }
        try await store.update(id: id, state: .pending, reason: "replayed", dueAt: now())
        nudge()
    }

    /// Withdraws a notice that has not been sent yet (pending or deferred); returns whether it was withdrawn.
    ///
    /// A notice already `sending` or finished is left alone: it may have reached its receiver.
    @discardableResult
    public func cancel(identity: NoticeIdentity, reason: String) async throws -> Bool {
        guard let notice = try await store.notice(identity: identity),
            notice.state == .pending || notice.state == .deferred
        else { return false }
        try await store.update(id: notice.id, state: .cancelled, reason: reason, dueAt: nil)
        return true
    }

    /// Sends one message straight through a receiver (no policies, no outbox) and reports its answer.
    public static func testReceiver(
        _ receiver: ReceiverConfig, to address: String, text: String, transport: HTTPTransport,
        secrets: SecretResolver = SecretResolver(), now: Date = Date()
    ) async -> ReceiverTestReport {
        let id = NoticeID.make()
        let message = OutboundMessage(noticeID: id, type: "receiver.test", createdAt: now, to: address, text: text)
        let parts: HTTPRequestParts
        do {
            let body = try receiver.kind.encoding.makeBody(for: message)
            parts = try receiver.kind.encoding.makeRequest(noticeID: id, body: body, now: now, secrets: secrets)
        } catch {
            return ReceiverTestReport(request: "(not sent)", status: nil, answer: "\(error)", verdict: "fail")
        }
        let line = "\(parts.method) \(masked(parts.url))"
        let request = HTTPRequest(
            method: parts.method, url: parts.url, headers: parts.headers.map { HTTPHeader($0.0, $0.1) },
            body: parts.body, connectTimeout: receiver.connectTimeout, totalTimeout: receiver.totalTimeout)
        do {
            let response = try await transport.perform(request)
            let decision = RetryPolicy.decide(
                outcome: .response(status: response.status, retryAfter: response.headerValue("retry-after")),
                attempt: 1, schedule: receiver.retry, now: now, randomUnit: 0.5)
            return ReceiverTestReport(
                request: line, status: response.status, answer: String(response.bodyText.prefix(2048)),
                verdict: "\(decision)")
        } catch {
            return ReceiverTestReport(request: line, status: nil, answer: "\(error)", verdict: "transport failure")
        }
    }

    /// The URL with `password`, `token` and `key` query values replaced by `***`.
    static func masked(_ url: String) -> String {
        guard var components = URLComponents(string: url), let items = components.percentEncodedQueryItems else {
            return url
        }
        components.percentEncodedQueryItems = items.map { item in
            let name = item.name.lowercased()
            return name.contains("password") || name.contains("token") || name.contains("key")
                ? URLQueryItem(name: item.name, value: "***") : item
        }
        return components.string ?? url
    }
}

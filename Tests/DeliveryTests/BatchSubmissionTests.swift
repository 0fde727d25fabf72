import Foundation
import HTTPTransport
import Store
import TestPeers
import Testing

@testable import Delivery

/// `submit(contentsOf:)`: one transaction for a batch, with the frequency cap counted across the batch.
@Suite struct BatchSubmissionTests {
    func customer(_ step: String, cap: Int) -> NoticeSubmission {
        NoticeSubmission(
            identity: NoticeIdentity(occurrence: "cyberday/2026", action: "notify", step: step, recipient: "c-1"),
            receiver: "hook",
            candidate: PolicyCandidate(
                recipient: "c-1", address: "c-1", channel: "webhook", audience: "customers", timeZone: .utc,
                isCustomer: true),
            settings: PolicySettings(frequencyCap: (cap, .seconds(7 * 86_400)), quietHours: nil), text: "¡Hola!")
    }

    func withDispatcher(_ body: (Dispatcher, SQLiteStore) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.path + "/forewarn.sqlite")
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let hook = ReceiverConfig(name: "hook", kind: .webhook(WebhookReceiver(url: "http://127.0.0.1:9/hook")))
        let dispatcher = try Dispatcher(
            store: store, recipients: store, transport: transport, receivers: [hook], logger: quietLogger)
        try await store.setConsent(recipient: "c-1", channel: "webhook", granted: true, now: Date())
        try await body(dispatcher, store)
    }

    @Test func theCapCountsNoticesEarlierInTheSameBatch() async throws {
        try await withDispatcher { dispatcher, store in
            let results = try await dispatcher.submit(contentsOf: [customer("a", cap: 1), customer("b", cap: 1)])
            guard case .enqueued = results[0], case .suppressed(_, .frequencyCap, _) = results[1] else {
                Issue.record("the second notice of the batch must meet the cap: \(results)"); return
            }
            #expect(try await store.contactCount(recipient: "c-1", audience: "customers", since: .distantPast) == 1)
        }
    }

    @Test func aNoticeAlreadyStoredIsADuplicateAndDoesNotCountAgain() async throws {
        try await withDispatcher { dispatcher, store in
            guard case .enqueued(let first, _, _) = try await dispatcher.submit(customer("a", cap: 2)) else {
                Issue.record("expected an enqueue"); return
            }
            let results = try await dispatcher.submit(contentsOf: [customer("a", cap: 2), customer("b", cap: 2)])
            #expect(results[0] == .duplicate(id: first))
            guard case .enqueued = results[1] else {
                Issue.record("one stored contact plus this one is within a cap of 2: \(results)"); return
            }
            #expect(try await store.contactCount(recipient: "c-1", audience: "customers", since: .distantPast) == 2)
            #expect(try await store.countByState() == [.pending: 2])
        }
    }

    @Test func anUnknownReceiverStoresNothingOfTheBatch() async throws {
        try await withDispatcher { dispatcher, store in
            var stray = customer("b", cap: 5)
            stray.receiver = "nope"
            await #expect(throws: DeliveryError.self) {
                _ = try await dispatcher.submit(contentsOf: [customer("a", cap: 5), stray])
            }
            let counts = try await store.countByState()
            #expect(counts.isEmpty)
        }
    }
}

import Foundation
import HTTPTransport
import MetricsTestKit
import Store
import TestPeers
import Testing
import Zones

@testable import Delivery

@Suite(.enabled(if: FaultReceiver.isPythonAvailable, "python3 is not installed: the fault receiver cannot start"))
struct DeliveryMetricsTests {
    @Test func countsOutcomesAttemptsLatencyAndQueueDepth() async throws {
        let rig = try LiveRig()
        defer { rig.stop() }
        let metrics = TestMetrics()
        let config = ReceiverConfig(
            name: "hook", kind: .webhook(WebhookReceiver(url: rig.receiver.baseURL + "/flaky/1/500")))
        let clock = rig.clock
        let dispatcher = try Dispatcher(
            store: rig.store, recipients: rig.store, transport: rig.transport, receivers: [config],
            now: { clock.now }, randomUnit: { 0.5 }, logger: quietLogger,
            options: DispatcherOptions(metrics: DeliveryMetrics(factory: metrics)))
        _ = try await dispatcher.submit(rig.submission(step: "a"))
        _ = try await dispatcher.submit(rig.submission(step: "a"))  // duplicate
        _ = try await dispatcher.submit(rig.submission(step: "customer", customer: true))  // no consent
        var quiet = rig.submission(step: "night")
        quiet.settings = PolicySettings(frequencyCap: nil, quietHours: QuietHours(start: 0, end: 1439))
        _ = try await dispatcher.submit(quiet)  // deferred: 12:00 in New York is inside 00:00-23:59

        let loop = Task { try await dispatcher.run(pollInterval: .milliseconds(20)) }
        defer { loop.cancel() }
        // The first attempt answers 500; the retry is due 5 s later on the manual clock and answers 200.
        let notices = DeliveryMetrics.Name.notices
        #expect(await eventually { metrics.counterTotal(label: DeliveryMetrics.Name.attempts) == 1 })
        #expect(try metrics.expectCounter(notices, [("outcome", "enqueued")]).totalValue == 1)
        #expect(try metrics.expectCounter(notices, [("outcome", "duplicate")]).totalValue == 1)
        #expect(try metrics.expectCounter(notices, [("outcome", "suppressed")]).totalValue == 1)
        #expect(try metrics.expectCounter(notices, [("outcome", "deferred")]).totalValue == 1)
        let attempts = try metrics.expectCounter(
            DeliveryMetrics.Name.attempts, [("receiver", "hook"), ("status_class", "5xx")])
        #expect(attempts.totalValue == 1)
        let depth = try metrics.expectGauge(DeliveryMetrics.Name.queueDepth, [("state", "deferred")])
        #expect(depth.lastValue == 1)
        clock.advance(by: 10)
        #expect(
            await eventually {
                (try? metrics.expectTimer(DeliveryMetrics.Name.enqueueToSuccess).values.count) == 1
            })
        let latency = try metrics.expectTimer(DeliveryMetrics.Name.enqueueToSuccess).values.first ?? -1
        #expect(latency >= 0)
        #expect(try metrics.expectCounter(notices, [("outcome", "delivered")]).totalValue == 1)
        #expect(
            try metrics.expectCounter(
                DeliveryMetrics.Name.attempts, [("receiver", "hook"), ("status_class", "2xx")]
            ).totalValue == 1)
    }

    @Test func statusClasses() {
        #expect(DeliveryMetrics.statusClass(204) == "2xx")
        #expect(DeliveryMetrics.statusClass(410) == "4xx")
        #expect(DeliveryMetrics.statusClass(nil) == "transport")
    }
}

@Suite struct TransliterationPerAudienceTests {
    static let text = "Atención, señora Núñez: corte de luz mañana a las 9:00."

    func submission(audience: String, transliterates: Bool = false) -> NoticeSubmission {
        NoticeSubmission(
            identity: NoticeIdentity(occurrence: "corte/1", action: "notify", step: audience, recipient: "c-1"),
            receiver: "kannel",
            candidate: PolicyCandidate(
                recipient: "c-1", address: "+34600111222", channel: "sms", audience: audience,
                timeZone: Zone(identifier: "Europe/Madrid")!, isCustomer: false),
            settings: PolicySettings(frequencyCap: nil, quietHours: nil), text: Self.text,
            transliterates: transliterates)
    }

    func storedText(_ store: SQLiteStore, _ result: SubmissionResult) async throws -> [String: String] {
        guard case .enqueued(let id, _, _) = result else { throw DeliveryError("not enqueued: \(result)") }
        let body = try #require(try await store.notice(id: id)?.body)
        let items = URLComponents(string: "http://x/?" + String(decoding: body, as: UTF8.self))?.queryItems ?? []
        return Dictionary(uniqueKeysWithValues: items.map { ($0.name, $0.value ?? "") })
    }

    static let kannel = ReceiverConfig(
        name: "kannel",
        kind: .kannel(
            KannelReceiver(sendsmsURL: "http://127.0.0.1:9/cgi-bin/sendsms", username: "u", passwordSecret: "P")))

    /// Runs `body` with a dispatcher through the Kannel preset over a fresh SQLite store (nothing is sent).
    func withDispatcher(
        options: DispatcherOptions, _ body: (SQLiteStore, Dispatcher) async throws -> Void
    ) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.path + "/forewarn.sqlite")
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let dispatcher = try Dispatcher(
            store: store, recipients: store, transport: transport, receivers: [Self.kannel], logger: quietLogger,
            options: options)
        try await body(store, dispatcher)
    }

    @Test func anAudienceThatTransliteratesGetsGSM7KeepingÑ() async throws {
        try await withDispatcher(options: DispatcherOptions(transliteratedAudiences: ["clientes-es"])) {
            store, dispatcher in
            let plain = try await storedText(store, try await dispatcher.submit(submission(audience: "clientes-es")))
            #expect(plain["text"] == "Atencion, señora Nuñez: corte de luz mañana a las 9:00.")
            #expect(plain["coding"] == nil, "the transliterated text is GSM-7")
            let flagged = try await storedText(
                store, try await dispatcher.submit(submission(audience: "otros", transliterates: true)))
            #expect(flagged["text"] == plain["text"])
            let untouched = try await storedText(store, try await dispatcher.submit(submission(audience: "staff")))
            #expect(untouched["text"] == Self.text)
            #expect(untouched["coding"] == "2")
        }
    }

    @Test func aReloadTakesTheNewAudiencesAndRefusesADanglingFallback() async throws {
        try await withDispatcher(options: DispatcherOptions()) { store, dispatcher in
            var first = submission(audience: "clientes-es")
            first.identity.step = "before"
            #expect(try await storedText(store, try await dispatcher.submit(first))["text"] == Self.text)

            try dispatcher.replaceReceivers(
                [Self.kannel], options: DispatcherOptions(transliteratedAudiences: ["clientes-es"]))
            var second = submission(audience: "clientes-es")
            second.identity.step = "after"
            let reloaded = try await storedText(store, try await dispatcher.submit(second))
            #expect(reloaded["text"] == "Atencion, señora Nuñez: corte de luz mañana a las 9:00.")

            var dangling = Self.kannel
            dangling.fallback = "gone"
            #expect(throws: DeliveryError.self) {
                try dispatcher.replaceReceivers([dangling], options: DispatcherOptions())
            }
            var third = submission(audience: "clientes-es")
            third.identity.step = "refused"
            let kept = try await storedText(store, try await dispatcher.submit(third))
            #expect(kept["text"] == reloaded["text"], "a refused reload keeps the options in force")
        }
    }
}

@Suite struct KannelDeliveryReportTests {
    @Test func readsKannelStatusCodesAndTheNoticeId() throws {
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try KannelDeliveryReport.parse(["id": "msg_1", "status": "1"], at: at).outcome == .delivered)
        #expect(try KannelDeliveryReport.parse(["notice": "msg_1", "status": "2"], at: at).outcome == .failed)
        #expect(try KannelDeliveryReport.parse(["id": "msg_1", "status": "8"], at: at).outcome == .accepted)
        #expect(try KannelDeliveryReport.parse(["id": "msg_1", "status": "16"], at: at).outcome == .rejected)
        #expect(try KannelDeliveryReport.parse(["id": "msg_1", "status": "4"], at: at).outcome == .buffered)
        #expect(throws: DeliveryError.self) { try KannelDeliveryReport.parse(["status": "1"], at: at) }
        #expect(throws: DeliveryError.self) { try KannelDeliveryReport.parse(["id": "m", "status": "x"], at: at) }
        #expect(throws: DeliveryError.self) { try KannelDeliveryReport.parse(["id": "m", "status": "32"], at: at) }
    }
}

import Foundation
import HTTPTransport
import Store
import TestPeers
import Testing
import Zones

@testable import Delivery

@Suite(
    .enabled(
        if: KannelHarness.isInstalled && FaultReceiver.isPythonAvailable,
        "Kannel (kannel, kannel-extras) or python3 is not installed"))
struct KannelLiveTests {
    static let short = "¡Hola, señora Núñez! ¿Mañana a las 9:00? Atención: corte programado de luz."
    static let long = String(
        repeating: "¡Cyberday mañana! ¿Compras? Señor Muñoz, evite esperas: use la app. ", count: 4)

    func submission(_ step: String, text: String) -> NoticeSubmission {
        NoticeSubmission(
            identity: NoticeIdentity(occurrence: "cyberday/2026", action: "notify", step: step, recipient: "c-1"),
            receiver: "kannel",
            candidate: PolicyCandidate(
                recipient: "c-1", address: "+34600111222", channel: "sms", audience: "customers",
                timeZone: Zone(identifier: "Europe/Madrid")!, isCustomer: false),
            settings: PolicySettings(frequencyCap: nil, quietHours: nil), text: text)
    }

    @Test func spanishNoticesArriveIntactAndDeliveryReportsFlowBack() async throws {
        #expect(SMSAnalysis(text: Self.short).encoding == .ucs2)
        #expect(SMSAnalysis(text: Self.long).encoding == .gsm7)
        #expect(SMSAnalysis(text: Self.long).segments > 1)
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let reports = try FaultReceiver(secret: "whsec_AAAA")
        defer { reports.stop() }
        let kannel = try KannelHarness()
        defer { kannel.stop() }
        try await kannel.waitUntilReady(transport: transport)
        let storeDirectory = try TemporaryDirectory()
        defer { storeDirectory.remove() }
        let store = try SQLiteStore(path: storeDirectory.path + "/forewarn.sqlite")
        let receiver = ReceiverConfig(
            name: "kannel",
            kind: .kannel(
                KannelReceiver(
                    sendsmsURL: kannel.sendsmsURL, username: "tester", passwordSecret: "KANNEL_PASSWORD",
                    deliveryReportURL: reports.baseURL + "/dlr")))
        let dispatcher = try Dispatcher(
            store: store, recipients: store, transport: transport, receivers: [receiver],
            secrets: SecretResolver(credentialsDirectory: nil, environment: ["KANNEL_PASSWORD": "secret"]),
            logger: quietLogger)
        guard case .enqueued(let shortID, _, _) = try await dispatcher.submit(submission("short", text: Self.short)),
            case .enqueued(let longID, _, _) = try await dispatcher.submit(submission("long", text: Self.long))
        else { Issue.record("both notices must be enqueued"); return }
        #expect(try await dispatcher.dispatchDue() == 2)
        #expect(try await store.notice(id: shortID)?.state == .delivered)
        #expect(try await store.notice(id: longID)?.state == .delivered)
        #expect(try await store.attempts(noticeID: shortID).first?.status == 202)

        let arrived = await eventually {
            FakeSMSCMessage.reassembled(kannel.receivedLines().compactMap(FakeSMSCMessage.init(line:))).count >= 2
        }
        #expect(arrived, "the fake SMSC log is \(kannel.fakeSMSCLog)")
        let messages = kannel.receivedLines().compactMap(FakeSMSCMessage.init(line:))
        #expect(messages.allSatisfy { $0.to == "+34600111222" })
        #expect(messages.count >= 3, "the long text must travel as several parts")
        let texts = FakeSMSCMessage.reassembled(messages)
        #expect(texts.contains(Self.short))
        #expect(texts.contains(Self.long))

        // Kannel calls the dlr-url; the listener logs it and the test hands its query to the dispatcher as the
        // daemon's `GET /api/v1/dlr` does, then reads the report back from the store.
        let path = "/dlr?id=\(shortID)&status=1"
        let delivered = await eventually { try reports.entries().contains { $0.path == path } }
        #expect(delivered, "no delivery report with status 1 reached the listener")
        let query = try #require(URLComponents(string: path)?.queryItems)
        let parameters = Dictionary(uniqueKeysWithValues: query.map { ($0.name, $0.value ?? "") })
        let report = try await dispatcher.recordDeliveryReport(parameters)
        #expect(report.outcome == .delivered)
        let stored = try #require(try await store.notice(id: shortID)?.deliveryReport)
        #expect(stored.outcome == .delivered)
        #expect(stored.code == 1)
        #expect(try await store.notice(id: longID)?.deliveryReport == nil, "a report lands on its own notice only")
    }
}

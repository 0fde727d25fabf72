import Foundation
import HTTPTransport
import Store
import TestPeers
import Testing
import Zones

@testable import Delivery

/// The one opt-out (or opt-in) confirmation: it reaches the address the opt-out just suppressed, at once, in
/// the language of the keyword; nothing else reaches that address.
@Suite struct OptOutConfirmationTests {
    let night = Date(timeIntervalSince1970: 1_794_985_600)  // 2026-11-18T07:06:40Z: 04:06 in Santiago (UTC-3)
    let quiet = QuietHours.standard

    func facts(suppressed: String?) -> PolicyFacts {
        PolicyFacts(consent: nil, suppressionReason: suppressed, isDuplicate: false, recentContacts: 0)
    }

    @Test func aReplyPassesTheSuppressionItAnswersAndQuietHoursButANoticeDoesNot() throws {
        let zone = try #require(Zone(identifier: "America/Santiago"))
        let reply = PolicyCandidate(
            recipient: "+56911111111", address: "+56911111111", channel: "sms", audience: "inbound", timeZone: zone,
            isCustomer: false, isReply: true)
        let settings = PolicySettings(frequencyCap: nil, quietHours: quiet)
        let answered = PolicyPipeline.evaluate(
            reply, facts: facts(suppressed: "opt-out: BAJA"), settings: settings, now: night)
        #expect(answered.outcome == .enqueue(dueAt: night, isDeferred: false))
        #expect(answered.trail.contains { $0.stage == .suppression && $0.reason.contains("opt-out: BAJA") })
        var notice = reply
        notice.isReply = false
        notice.isCustomer = true
        let blocked = PolicyPipeline.evaluate(
            notice,
            facts: PolicyFacts(
                consent: true, suppressionReason: "opt-out: BAJA", isDuplicate: false,
                recentContacts: 0), settings: settings, now: night)
        #expect(blocked.outcome == .suppress(stage: .suppression, reason: "address suppressed: opt-out: BAJA"))
    }

    @Test func theTextFollowsTheKeywordsLanguage() {
        #expect(OptOutConfirmation.text(for: OptOutParser.parse("No más"))?.contains("ALTA") == true)
        #expect(OptOutConfirmation.text(for: OptOutParser.parse("baja gracias"))?.hasPrefix("No recibirás") == true)
        #expect(OptOutConfirmation.text(for: OptOutParser.parse("STOP"))?.contains("Reply START") == true)
        #expect(OptOutConfirmation.text(for: OptOutParser.parse("alta"))?.hasPrefix("Volverás") == true)
        #expect(OptOutConfirmation.text(for: OptOutParser.parse("¿a qué hora abren?")) == nil)
    }
}

/// Against the real Kannel with its fake SMSC: a BAJA suppresses the number, its one confirmation arrives in
/// Spanish, and a later notice to that number is stored as suppressed and never sent.
@Suite(
    .enabled(
        if: KannelHarness.isInstalled && FaultReceiver.isPythonAvailable,
        "Kannel (kannel, kannel-extras) or python3 is not installed"))
struct OptOutConfirmationKannelTests {
    @Test func aBajaIsConfirmedOnceThroughKannelAndNothingElseFollows() async throws {
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let kannel = try KannelHarness()
        defer { kannel.stop() }
        try await kannel.waitUntilReady(transport: transport)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.path + "/forewarn.sqlite")
        let receiver = ReceiverConfig(
            name: "kannel",
            kind: .kannel(
                KannelReceiver(
                    sendsmsURL: kannel.sendsmsURL, username: "tester", passwordSecret: "KANNEL_PASSWORD",
                    deliveryReportURL: nil)))
        let dispatcher = try Dispatcher(
            store: store, recipients: store, transport: transport, receivers: [receiver],
            secrets: SecretResolver(credentialsDirectory: nil, environment: ["KANNEL_PASSWORD": "secret"]),
            logger: quietLogger)
        let number = "+34600999888"
        let first = try await InboundHandler(recipients: store).handle(from: number, body: "Baja", now: Date())
        #expect(first.sendsConfirmation)
        let again = try await InboundHandler(recipients: store).handle(from: number, body: "BAJA", now: Date())
        #expect(!again.sendsConfirmation, "a repeated opt-out is not confirmed twice")
        let confirmation = try #require(
            OptOutConfirmation.submission(for: first.command, to: number, receiver: "kannel", at: Date()))
        guard case .enqueued = try await dispatcher.submit(confirmation) else {
            Issue.record("the confirmation must be enqueued although the number is suppressed"); return
        }
        let later = NoticeSubmission(
            identity: NoticeIdentity(
                occurrence: "cyberday/2026", action: "notify", step: "before-1d", recipient: "c-9"),
            receiver: "kannel",
            candidate: PolicyCandidate(
                recipient: "c-9", address: number, channel: "sms", audience: "staff", timeZone: .utc,
                isCustomer: false),
            settings: PolicySettings(frequencyCap: nil, quietHours: nil), text: "Mañana abrimos a las 10:00")
        guard case .suppressed = try await dispatcher.submit(later) else {
            Issue.record("a notice to a number that opted out must be suppressed"); return
        }
        #expect(try await dispatcher.dispatchDue() == 1)
        let arrived = await eventually {
            !FakeSMSCMessage.reassembled(kannel.receivedLines().compactMap(FakeSMSCMessage.init(line:))).isEmpty
        }
        #expect(arrived, "the fake SMSC log is \(kannel.fakeSMSCLog)")
        let messages = kannel.receivedLines().compactMap(FakeSMSCMessage.init(line:))
        let texts = FakeSMSCMessage.reassembled(messages)
        #expect(texts == [OptOutConfirmation.text(for: first.command)!])
        #expect(messages.allSatisfy { $0.to == number })
    }
}

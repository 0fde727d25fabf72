import Foundation
import HTTPTransport
import TestPeers
import Testing

/// A mobile-originated opt-out through the real gateway: the fake SMSC sends "NO MÁS" from a phone, Kannel's
/// sms-service posts it to `forewarn run`'s `/api/v1/inbound/sms` (its own text/plain shape), the number is
/// suppressed and the one Spanish confirmation goes back through the same Kannel receiver to that phone.
@Suite(.enabled(if: KannelHarness.isInstalled, "needs kannel and kannel-extras (scripts/install-deps.sh)"))
struct InboundKannelTests {
    static let phone = "+56900000777"

    @Test func aNoMásFromThePhoneIsSuppressedAndConfirmedOnceThroughKannel() async throws {
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let port = try FreePort.make()
        let postURL =
            "http://127.0.0.1:\(port)/api/v1/inbound/kannel?from=%p&receiver=sms-gateway"
            + "&access_token=\(DaemonProcess.token)"
        let kannel = try KannelHarness(
            inbound: KannelHarness.Inbound(postURL: postURL, messages: ["\(Self.phone) 12345 text NO MÁS"]))
        defer { kannel.stop() }
        try await kannel.waitUntilReady(transport: transport)

        let work = try TemporaryDirectory()
        defer { work.remove() }
        let plans = try Self.plans(in: work, sendsms: kannel.sendsmsPort)
        let credentials = work.path + "/credentials"
        try FileManager.default.createDirectory(atPath: credentials, withIntermediateDirectories: true)
        try "secret".write(toFile: credentials + "/kannel-password", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(
            notifySocket: nil, environment: ["CREDENTIALS_DIRECTORY": credentials], plansOverride: plans, port: port)

        let confirmed = await eventually(seconds: 90) { !Self.texts(kannel).isEmpty }
        #expect(confirmed, "no confirmation; daemon log:\n\(daemon.log.suffix(3_000))")
        let texts = Self.texts(kannel)
        #expect(texts.count == 1, "one confirmation, got \(texts)")
        #expect(texts.first?.contains("ALTA") == true, "the confirmation answers in Spanish: \(texts)")
        // The number was suppressed: lifting the suppression finds it.
        let lifted = try await daemon.get(
            "/api/v1/suppressions", method: "DELETE", body: #"{"address":"\#(Self.phone)","channel":"sms"}"#)
        #expect(lifted.status == 200, "the number was not suppressed: \(lifted)")

        daemon.send(SIGTERM)
        #expect(daemon.waitForExit(timeout: 20) == 0, "daemon log:\n\(daemon.log.suffix(3_000))")
    }

    /// The daemon test plans plus the Kannel receiver, in `work/plans`.
    static func plans(in work: TemporaryDirectory, sendsms: Int) throws -> URL {
        let plans = URL(fileURLWithPath: work.path).appendingPathComponent("plans")
        try FileManager.default.copyItem(
            at: Bundle.module.url(forResource: "Fixtures/plans", withExtension: nil)!, to: plans)
        let receivers = """
            receivers:
              test-webhook:
                kind: webhook
                url: http://127.0.0.1:9/never-called
              sms-gateway:
                kind: kannel
                url: http://127.0.0.1:\(sendsms)/cgi-bin/sendsms
                username: tester
                password: { credential: kannel-password }

            """
        try receivers.write(to: plans.appendingPathComponent("receivers.yaml"), atomically: true, encoding: .utf8)
        return plans
    }

    /// The texts the fake SMSC received for the phone, concatenated parts joined.
    static func texts(_ kannel: KannelHarness) -> [String] {
        let messages = kannel.receivedLines().compactMap(FakeSMSCMessage.init(line:)).filter { $0.to == phone }
        return FakeSMSCMessage.reassembled(messages)
    }
}

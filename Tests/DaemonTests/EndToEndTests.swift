import Foundation
import HTTPTransport
import TestPeers
import Testing

/// `forewarn run` as a process on live sources and a live SMS gateway: a real upsd with the dummy-ups driver
/// and a real Prometheus feed the signals, Kannel with its fake SMSC receives the staff SMS. A UPS going on
/// battery is texted (after a good reload); a SIGHUP with a broken plan keeps the old plans, and a later event
/// is still texted.
@Suite(
    .serialized,
    .enabled(
        if: NUTServer.isAvailable && PrometheusServer.isAvailable && KannelHarness.isInstalled,
        "needs nut-server, prometheus, kannel + kannel-extras and python3 (scripts/install-deps.sh)"))
struct EndToEndTests {
    static let staffPhone = "+56900000999"

    @Test func upsOnBatteryTextsTheStaffAndABrokenReloadKeepsTheDaemonWorking() async throws {
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let nut = try await NUTServer()
        defer { nut.stop() }
        try nut.setState(status: "OL", charge: 100, runtime: 3_600)
        let prometheus = try await PrometheusServer(metrics: "test_load 10\n")
        defer { prometheus.stop() }
        let kannel = try KannelHarness()
        defer { kannel.stop() }
        try await kannel.waitUntilReady(transport: transport)

        let work = try TemporaryDirectory()
        defer { work.remove() }
        let plans = try Self.plans(
            in: work, nut: nut.port, prometheus: prometheus.port, sendsms: kannel.sendsmsPort)
        let credentials = work.path + "/credentials"
        try FileManager.default.createDirectory(atPath: credentials, withIntermediateDirectories: true)
        try "secret".write(toFile: credentials + "/kannel-password", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(
            notifySocket: nil, environment: ["CREDENTIALS_DIRECTORY": credentials], plansOverride: plans)

        // Both sources report a good sample (Prometheus' first sample takes about 6 s).
        let healthy = await eventually(seconds: 60) {
            guard let body = try? await daemon.get("/api/v1/signals").body else { return false }
            return Self.healthyCount(in: body) == 2
        }
        let listing = (try? await daemon.get("/api/v1/signals").body) ?? ""
        #expect(healthy, "signals never became healthy: \(listing)")
        #expect(Self.texts(kannel).isEmpty, "nothing is wrong yet, but the SMSC got \(Self.texts(kannel))")

        // A good reload (nothing changed) must keep the sources polled.
        daemon.send(SIGHUP)
        let reloaded = await eventually(seconds: 30) { daemon.log.contains("Reloaded 2 plans") }
        #expect(reloaded, "no reload; daemon log:\n\(daemon.log.suffix(3_000))")

        // The UPS goes on battery: the staff SMS reaches the fake SMSC.
        try nut.setState(status: "OB DISCHRG", charge: 80, runtime: 1_200)
        let texted = await eventually(seconds: 60) { Self.texts(kannel).contains { $0.contains("UPS on battery") } }
        #expect(texted, "no SMS; daemon log:\n\(daemon.log.suffix(3_000))")
        let first = Self.texts(kannel)
        #expect(first.count == 1, "expected one SMS, got \(first)")
        #expect(first.first == "UPS on battery (OB DISCHRG): start the generator")

        // A broken plan and SIGHUP: the reload fails, the old plans stay in force.
        let broken = daemon.plans.appendingPathComponent("broken.yaml")
        try "plan: [unclosed\n".write(to: broken, atomically: true, encoding: .utf8)
        daemon.send(SIGHUP)
        let failed = await eventually(seconds: 30) {
            let metrics = (try? await daemon.get("/metrics").body) ?? ""
            return metrics.contains("forewarn_config_last_reload_successful 0")
        }
        #expect(failed, "the reload did not fail; daemon log:\n\(daemon.log.suffix(3_000))")
        #expect(daemon.log.contains("kept the last good plans"))

        // A further event on the other live source is still texted.
        try prometheus.target.write("test_load 500\n", to: "metrics")
        let again = await eventually(seconds: 60) { Self.texts(kannel).contains { $0.contains("Store load at 500") } }
        #expect(again, "no SMS after the failed reload; daemon log:\n\(daemon.log.suffix(3_000))")
        #expect(Self.texts(kannel).filter { $0.contains("UPS on battery") }.count == 1, "the UPS alert was repeated")

        daemon.send(SIGTERM)
        #expect(daemon.waitForExit(timeout: 20) == 0, "daemon log:\n\(daemon.log.suffix(3_000))")
    }

    /// The fixture plans with the peers' ports filled in, in `work/plans`.
    static func plans(in work: TemporaryDirectory, nut: Int, prometheus: Int, sendsms: Int) throws -> URL {
        let plans = URL(fileURLWithPath: work.path).appendingPathComponent("plans")
        let fixture = Bundle.module.url(forResource: "Fixtures/e2e-plans", withExtension: nil)!
        try FileManager.default.copyItem(at: fixture, to: plans)
        for name in ["signals.yaml", "receivers.yaml"] {
            let file = plans.appendingPathComponent(name)
            let text = try String(contentsOf: file, encoding: .utf8)
                .replacingOccurrences(of: "NUT_PORT", with: String(nut))
                .replacingOccurrences(of: "PROMETHEUS_PORT", with: String(prometheus))
                .replacingOccurrences(of: "SENDSMS_PORT", with: String(sendsms))
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return plans
    }

    /// The texts the fake SMSC received for the staff phone, concatenated parts joined.
    static func texts(_ kannel: KannelHarness) -> [String] {
        let messages = kannel.receivedLines().compactMap(FakeSMSCMessage.init(line:)).filter { $0.to == staffPhone }
        return FakeSMSCMessage.reassembled(messages)
    }

    /// How many signals `GET /api/v1/signals` reports healthy.
    static func healthyCount(in body: String) -> Int {
        struct Listing: Decodable {
            struct Signal: Decodable { var health: String }
            var signals: [Signal]
        }
        let listing = try? JSONDecoder().decode(Listing.self, from: Data(body.utf8))
        return listing?.signals.filter { $0.health == "healthy" }.count ?? 0
    }
}

/// Polls `condition` every 200 ms until it holds or `seconds` pass; returns whether it held.
func eventually(seconds: Double, _ condition: () async -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(200))
    }
    return await condition()
}

import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `forewarn run` end to end: a pushed sample trips a state plan, the engine issues the notice, the dispatcher
/// delivers it signed to a loopback webhook receiver (Tests/DeliveryTests/Fixtures/fault_receiver.py).
@Suite(.serialized) struct WiringLiveTests {
    static let python = "/usr/bin/python3"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: python), "python3 is not installed"))
    func pushedSampleTripsAStatePlanAndOneSignedNoticeReachesTheWebhook() async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fw-wiring-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let secret = "whsec_" + Data((0..<24).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        let receiver = try LoopbackReceiver(secret: secret, directory: work)
        defer { receiver.stop() }

        let plans = work.appendingPathComponent("plans")
        let fixture = Bundle.module.url(forResource: "Fixtures/wiring-plans", withExtension: nil)!
        try FileManager.default.copyItem(at: fixture, to: plans)
        let receivers = plans.appendingPathComponent("receivers.yaml")
        let text = try String(contentsOf: receivers, encoding: .utf8)
        try text.replacingOccurrences(of: "RECEIVER_PORT", with: String(receiver.port))
            .write(to: receivers, atomically: true, encoding: .utf8)
        let credentials = work.appendingPathComponent("credentials")
        try FileManager.default.createDirectory(at: credentials, withIntermediateDirectories: true)
        try secret.write(to: credentials.appendingPathComponent("hook-secret"), atomically: true, encoding: .utf8)

        let daemon = try DaemonProcess(
            notifySocket: nil, environment: ["CREDENTIALS_DIRECTORY": credentials.path], plansOverride: plans)
        try await waitUntil(seconds: 90) { (try? await daemon.get("/healthz"))?.status == 200 }
        let pushed = try await daemon.post("/api/v1/signals/queue_depth", json: #"{"samples":[{"value":250}]}"#)
        #expect(pushed.status == 200 || pushed.status == 202, "push answered \(pushed.status): \(pushed.body)")

        try await waitUntil(seconds: 90) { !receiver.entries().isEmpty }
        // A few more engine ticks must not send it again (the occurrence and the outbox identity dedupe).
        try await Task.sleep(for: .seconds(7))
        let entries = receiver.entries()
        #expect(entries.count == 1, "the receiver got \(entries.count) requests")
        let first = try #require(entries.first)
        #expect(first.signature_ok, "the notice's Standard Webhooks signature does not verify")
        #expect(first.body.contains("Queue at 250"), "unexpected body: \(first.body)")
        #expect(first.id.hasPrefix("msg_"))

        daemon.send(SIGTERM)
        #expect(daemon.waitForExit(timeout: 20) == 0, "stderr: \(daemon.stderrText())")
    }

    private func waitUntil(seconds: Double, _ condition: () async -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw DaemonTestError("condition not met within \(Int(seconds)) s")
    }
}

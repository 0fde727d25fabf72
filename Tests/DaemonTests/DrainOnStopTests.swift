import Foundation
import Store
import Testing

/// SIGTERM while a delivery is in flight: the daemon drains up to its limit (5 s), exits 0, and a delivery it
/// had to cut off stays stored and is sent, under the same id, by the next start.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "needs python3"))
struct DrainOnStopTests {
    /// The wiring fixture plans (one state plan, one webhook receiver) with the receiver at `path`.
    static func plans(in work: URL, receiverPort: Int, path: String) throws -> URL {
        let plans = work.appendingPathComponent("plans-\(UUID().uuidString.prefix(4))")
        try FileManager.default.copyItem(
            at: Bundle.module.url(forResource: "Fixtures/wiring-plans", withExtension: nil)!, to: plans)
        let receivers = plans.appendingPathComponent("receivers.yaml")
        try String(contentsOf: receivers, encoding: .utf8)
            .replacingOccurrences(of: "RECEIVER_PORT/ok", with: "\(receiverPort)\(path)")
            .write(to: receivers, atomically: true, encoding: .utf8)
        return plans
    }

    /// Starts a daemon on `plans` and `state`, with the webhook secret as a credential.
    static func start(plans: URL, state: URL, credentials: URL) async throws -> DaemonProcess {
        let daemon = try DaemonProcess(
            notifySocket: nil, environment: ["CREDENTIALS_DIRECTORY": credentials.path], plansOverride: plans,
            stateDirectory: state)
        guard await eventually(seconds: 30, { (try? await daemon.get("/healthz"))?.status == 200 }) else {
            throw DaemonTestError("the daemon did not come up: \(daemon.log)")
        }
        return daemon
    }

    /// A temporary directory with a signing loopback receiver, the webhook secret as a credential and a state
    /// directory path; everything is removed after `body`.
    static func withWorkspace(
        _ body: (_ work: URL, _ receiver: LoopbackReceiver, _ credentials: URL, _ state: URL) async throws -> Void
    ) async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fw-drain-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let secret = "whsec_" + Data((0..<24).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        let receiver = try LoopbackReceiver(secret: secret, directory: work)
        defer { receiver.stop() }
        let credentials = work.appendingPathComponent("credentials")
        try FileManager.default.createDirectory(at: credentials, withIntermediateDirectories: true)
        try secret.write(to: credentials.appendingPathComponent("hook-secret"), atomically: true, encoding: .utf8)
        try await body(work, receiver, credentials, work.appendingPathComponent("state"))
    }

    @Test func aDeliveryCutOffAtStopIsSentUnderTheSameIdAfterTheRestart() async throws {
        try await Self.withWorkspace { work, receiver, credentials, state in
            // The receiver holds the request for 120 s: far beyond the drain limit.
            let slow = try Self.plans(in: work, receiverPort: receiver.port, path: "/slow/120")
            let first = try await Self.start(plans: slow, state: state, credentials: credentials)
            _ = try await first.post("/api/v1/signals/queue_depth", json: #"{"samples":[{"value":250}]}"#)
            let inFlight = await eventually(seconds: 40) { !receiver.entries().isEmpty }
            #expect(inFlight, "the notice never reached the receiver: \(first.log.suffix(2_000))")
            first.send(SIGTERM)
            #expect(first.waitForExit(timeout: 30) == 0, "stderr: \(first.log.suffix(2_000))")
            #expect(first.log.contains("cut off"), "the daemon did not say it cut a delivery off")

            let store = try SQLiteStore(path: state.appendingPathComponent("forewarn.sqlite").path)
            let counts = try await store.countByState()
            #expect((counts[.pending] ?? 0) + (counts[.sending] ?? 0) == 1, "states after the stop: \(counts)")
            #expect(counts[.delivered] == nil)

            // The next start sends it, to a receiver that now answers at once, with the same webhook id.
            let fast = try Self.plans(in: work, receiverPort: receiver.port, path: "/ok")
            let second = try await Self.start(plans: fast, state: state, credentials: credentials)
            let resent = await eventually(seconds: 60) { receiver.entries().count >= 2 }
            #expect(resent, "the stored notice was not sent after the restart: \(second.log.suffix(2_000))")
            let entries = receiver.entries()
            #expect(entries.count == 2, "requests: \(entries.map(\.path))")
            #expect(Set(entries.map(\.id)).count == 1, "the notice was resent under another id")
            #expect(entries.last?.path == "/ok" && entries.last?.signature_ok == true)
            second.send(SIGTERM)
            #expect(second.waitForExit(timeout: 30) == 0, "stderr: \(second.log.suffix(2_000))")
        }
    }

    @Test func aDeliveryThatEndsWithinTheLimitIsDrainedBeforeTheExit() async throws {
        try await Self.withWorkspace { work, receiver, credentials, state in
            // The receiver answers after 2 s, within the 5 s drain limit.
            let plans = try Self.plans(in: work, receiverPort: receiver.port, path: "/slow/2")
            let daemon = try await Self.start(plans: plans, state: state, credentials: credentials)
            _ = try await daemon.post("/api/v1/signals/queue_depth", json: #"{"samples":[{"value":250}]}"#)
            let inFlight = await eventually(seconds: 40) { !receiver.entries().isEmpty }
            #expect(inFlight, "the notice never reached the receiver: \(daemon.log.suffix(2_000))")
            daemon.send(SIGTERM)
            #expect(daemon.waitForExit(timeout: 30) == 0, "stderr: \(daemon.log.suffix(2_000))")
            #expect(!daemon.log.contains("cut off"))

            let store = try SQLiteStore(path: state.appendingPathComponent("forewarn.sqlite").path)
            let counts = try await store.countByState()
            #expect(counts[.delivered] == 1, "states after the stop: \(counts)")
        }
    }
}

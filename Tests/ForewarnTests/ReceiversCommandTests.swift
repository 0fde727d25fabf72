import Foundation
import Store
import Testing

/// `forewarn receivers test` and `forewarn notices replay` as processes against a real loopback webhook receiver
/// that verifies Standard Webhooks signatures (Tests/DeliveryTests/Fixtures/fault_receiver.py).
@Suite struct ReceiversCommandTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    /// Starts the receiver, returns its port, log file and process (killed by the caller).
    static func startReceiver(in directory: URL) throws -> (port: Int, log: URL, process: Process) {
        let script = CommandRunner.repository.appendingPathComponent("Tests/DeliveryTests/Fixtures/fault_receiver.py")
        let log = directory.appendingPathComponent("requests.jsonl")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script.path, secret, log.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        guard
            let port = line.split(separator: " ").last.flatMap({
                Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
            })
        else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileReadCorruptFile)
        }
        return (port, log, process)
    }

    @Test func testMessageGoesThroughTheOutboxSignedAndReplayKeepsIdAndBody() async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "forewarn-receivers-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("plans"), to: work)
        defer { try? FileManager.default.removeItem(at: work) }
        let receiver = try Self.startReceiver(in: work)
        defer {
            kill(receiver.process.processIdentifier, SIGKILL)
            receiver.process.waitUntilExit()
        }
        let definition = """
            receivers:
              test-hook:
                kind: webhook
                url: http://127.0.0.1:\(receiver.port)/ok
                secret: { credential: test-hook-secret }
            """
        try definition.write(to: work.appendingPathComponent("test-receivers.yaml"), atomically: true, encoding: .utf8)
        let environment = ["FOREWARN_TEST_HOOK_SECRET": Self.secret]
        let state = work.appendingPathComponent("state").path
        // A running daemon's notice, due now, in the same outbox: the commands must leave it to the daemon.
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let daemonNotice = NoticeRecord(
            id: "msg_daemons_own",
            identity: NoticeIdentity(occurrence: "cyberday/2026", action: "0", step: "before-1d", recipient: "c-1"),
            receiver: "test-hook", body: Array(#"{"daemon":true}"#.utf8), createdAt: Date(), dueAt: Date())
        _ = try await SQLiteStore(path: state + "/forewarn.sqlite").insert(daemonNotice)
        let sent = try await CommandRunner.runOffPool(
            [
                "receivers", "test", "test-hook", "--to", "ops", "--text", "¡Prueba de envío!", "--plans", work.path,
                "--state", state,
            ],
            environment: environment)
        #expect(sent.status == 0, "\(sent.standardOutput)\(sent.standardError)")
        #expect(sent.standardOutput.contains("attempt:  200"))
        let noticeLine = try #require(sent.standardOutput.split(separator: "\n").first { $0.hasPrefix("notice:") })
        let id = String(noticeLine.split(separator: " ")[1])
        #expect(noticeLine.contains(" delivered"))

        let replayed = try await CommandRunner.runOffPool(
            ["notices", "replay", id, "--plans", work.path, "--state", state], environment: environment)
        #expect(replayed.status == 0, "\(replayed.standardOutput)\(replayed.standardError)")

        let requests = try String(contentsOf: receiver.log, encoding: .utf8).split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(requests.count == 2)
        #expect(
            !requests.contains { $0["id"] as? String == "msg_daemons_own" }, "the commands sent the daemon's notice")
        let daemons = try await SQLiteStore(path: state + "/forewarn.sqlite").notice(id: "msg_daemons_own")
        #expect(daemons?.state == .pending, "the daemon's notice was claimed by a command")
        #expect(requests.allSatisfy { $0["signature_ok"] as? Bool == true })
        #expect(requests.allSatisfy { $0["id"] as? String == id }, "a replay keeps the webhook-id")
        #expect(
            Set(requests.compactMap { $0["body_sha256"] as? String }).count == 1,
            "a replay resends the exact body bytes")
    }

    @Test func unknownReceiverIsAUsageError() throws {
        let outcome = try CommandRunner.run([
            "receivers", "test", "nope", "--to", "+56900000001", "--text", "x", "--plans", "plans", "--state",
            NSTemporaryDirectory() + "fw-\(UUID().uuidString)",
        ])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("no receiver 'nope'"))
    }
}

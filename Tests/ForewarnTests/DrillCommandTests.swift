import Foundation
import Testing

/// `forewarn drill` as a process against a real loopback webhook receiver that verifies Standard Webhooks
/// signatures (Tests/DeliveryTests/Fixtures/fault_receiver.py), on a copy of the example plans.
@Suite struct DrillCommandTests {
    struct Logged: Decodable {
        let path: String
        let id: String
        let signature_ok: Bool
        let body: String
    }

    @Test func everyNoticeOfOneOccurrenceReachesTheTestReceiverMarkedAsADrill() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("forewarn-drill-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("plans"), to: work)
        defer { try? FileManager.default.removeItem(at: work) }
        let receiver = try ReceiversCommandTests.startReceiver(in: work)
        defer {
            kill(receiver.process.processIdentifier, SIGKILL)
            receiver.process.waitUntilExit()
        }
        try """
        receivers:
          test-hook:
            kind: webhook
            url: http://127.0.0.1:\(receiver.port)/ok
            secret: { credential: test-hook-secret }
        """.write(to: work.appendingPathComponent("test-receivers.yaml"), atomically: true, encoding: .utf8)
        let environment = ["FOREWARN_TEST_HOOK_SECRET": ReceiversCommandTests.secret]
        let state = work.appendingPathComponent("state").path
        let arguments = ["drill", "checkout-surge", "--receiver", "test-hook", "--plans", work.path, "--state", state]
        let first = try CommandRunner.run(arguments, environment: environment)
        #expect(first.status == 0, "\(first.standardOutput)\(first.standardError)")
        // checkout-surge: on-call (2 people) before 2h and on cancel, and the ops webhook before 2h and on cancel.
        #expect(first.standardOutput.contains("(6 notices)"))
        #expect(first.standardOutput.contains("6 of 6 drill notices delivered"))
        #expect(first.standardOutput.contains("answered HTTP 200"))
        let text = try String(contentsOf: receiver.log, encoding: .utf8)
        let logged = text.split(separator: "\n").compactMap {
            try? JSONDecoder().decode(Logged.self, from: Data($0.utf8))
        }
        #expect(logged.count == 6)
        #expect(logged.allSatisfy { $0.signature_ok && $0.path == "/ok" })
        #expect(Set(logged.map(\.id)).count == 6)
        let bodies = try logged.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.body.utf8)) as? [String: Any])
        }
        let data = bodies.compactMap { $0["data"] as? [String: Any] }
        #expect(data.count == 6 && data.allSatisfy { $0["drill"] as? String == "true" })
        #expect(data.allSatisfy { ($0["occurrence"] as? String)?.hasPrefix("checkout-surge/drill:") == true })
        let texts = data.compactMap { $0["text"] as? String }.filter { !$0.isEmpty }
        #expect(texts.count == 4 && texts.allSatisfy { $0.hasPrefix("[SIMULACRO] ") })  // on-call is Spanish
        // A second drill is a new occurrence: its notices are sent again, never taken for the first ones.
        let second = try CommandRunner.run(arguments, environment: environment)
        #expect(second.status == 0, "\(second.standardOutput)\(second.standardError)")
        #expect(second.standardOutput.contains("6 of 6 drill notices delivered"))
        // A receiver that fails: one attempt each, reported, and cancelled so `forewarn run` never retries a drill.
        try """
        receivers:
          test-hook:
            kind: webhook
            url: http://127.0.0.1:\(receiver.port)/status/503
            secret: { credential: test-hook-secret }
        """.write(to: work.appendingPathComponent("test-receivers.yaml"), atomically: true, encoding: .utf8)
        let failing = try CommandRunner.run(arguments, environment: environment)
        #expect(failing.status == 1)
        #expect(failing.standardOutput.contains("answered HTTP 503"))
        #expect(failing.standardOutput.contains("cancelled: drill: one attempt only"))
        #expect(failing.standardOutput.contains("0 of 6 drill notices delivered"))
    }

    @Test func thePlansOwnDrillReceiverIsTheDefault() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("forewarn-drill-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("plans"), to: work)
        defer { try? FileManager.default.removeItem(at: work) }
        let receiver = try ReceiversCommandTests.startReceiver(in: work)
        defer {
            kill(receiver.process.processIdentifier, SIGKILL)
            receiver.process.waitUntilExit()
        }
        // cyberday.yaml (plan cyberday-overload) says `drill: { via: drill-webhook }`; point that receiver at the loopback one.
        let definitions = work.appendingPathComponent("receivers.yaml")
        let original = try String(contentsOf: definitions, encoding: .utf8)
        let moved = original.replacingOccurrences(
            of: "http://127.0.0.1:9331/drill", with: "http://127.0.0.1:\(receiver.port)/ok")
        #expect(moved != original)
        try moved.write(to: definitions, atomically: true, encoding: .utf8)
        let state = work.appendingPathComponent("state").path
        let outcome = try CommandRunner.run(["drill", "cyberday-overload", "--plans", work.path, "--state", state])
        #expect(outcome.status == 0, "\(outcome.standardOutput)\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("→ receiver 'drill-webhook'"))
        let lines = try String(contentsOf: receiver.log, encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty)
    }

    @Test func withoutAReceiverTheErrorNamesTheReceiversThePlansDefine() throws {
        let outcome = try CommandRunner.run(["drill", "checkout-surge", "--plans", "plans"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("--receiver"))
        #expect(outcome.standardError.contains("drill-webhook") && outcome.standardError.contains("ops-webhook"))
        let unknownPlan = try CommandRunner.run(["drill", "nope", "--receiver", "drill-webhook", "--plans", "plans"])
        #expect(unknownPlan.status == 2 && unknownPlan.standardError.contains("checkout-surge"))
        let sms = try CommandRunner.run(["drill", "checkout-surge", "--receiver", "sms-gateway", "--plans", "plans"])
        #expect(sms.status == 2 && sms.standardError.contains("--to"))
    }
}

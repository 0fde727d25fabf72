import Foundation
import TestPeers
import Testing

@testable import Delivery

/// The `forewarn` executable built beside the test bundle (SwiftPM builds every product for `swift test`).
let forewarnBinary = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("forewarn").path

@Suite(
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: forewarnBinary) && FaultReceiver.isPythonAvailable,
        "the forewarn executable was not built beside the tests, or python3 is missing"))
struct CrashRecoveryTests {
    static let notices = 300
    static let kills = 20

    @Test func killingTheDispatcherAtRandomInstantsLosesAndDuplicatesNothing() async throws {
        let receiver = try FaultReceiver(secret: LiveRig.secret)
        defer { receiver.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let arguments = [
            "delivery-soak", "--store", directory.path + "/forewarn.sqlite", "--url", receiver.baseURL + "/ok",
            "--notices", String(Self.notices), "--concurrency", "8",
        ]
        var instants: [Int] = []
        for round in 0..<Self.kills {
            let child = try ChildProcess(
                executable: forewarnBinary, arguments: arguments, stdoutPath: directory.path + "/out-\(round)",
                stderrPath: directory.path + "/err-\(round)",
                extraEnvironment: ["FOREWARN_SOAK_SECRET": LiveRig.secret])
            let milliseconds = Int.random(in: 20...900)
            instants.append(milliseconds)
            try await Task.sleep(for: .milliseconds(milliseconds))
            child.send(SIGKILL)
            child.stop()
        }
        let final = try ChildProcess(
            executable: forewarnBinary, arguments: arguments, stdoutPath: directory.path + "/out-final",
            stderrPath: directory.path + "/err-final",
            extraEnvironment: ["FOREWARN_SOAK_SECRET": LiveRig.secret])
        #expect(waitUntil(timeout: .seconds(120)) { !final.isRunning }, "the last run did not finish")
        final.stop()
        let summary = (try? String(contentsOfFile: directory.path + "/out-final", encoding: .utf8)) ?? ""
        #expect(summary.trimmingCharacters(in: .whitespacesAndNewlines) == "delivered=\(Self.notices)")

        var idsByStep: [String: Set<String>] = [:]
        let posts = try receiver.entries().filter { $0.path == "/ok" }
        for entry in posts {
            let envelope = try JSONSerialization.jsonObject(with: Data(entry.body.utf8)) as? [String: Any]
            let step = try #require((envelope?["data"] as? [String: String])?["step"])
            idsByStep[step, default: []].insert(entry.id)
        }
        #expect(posts.allSatisfy { $0.signature_ok })
        #expect(Set(idsByStep.keys) == Set((0..<Self.notices).map(String.init)), "kill instants (ms): \(instants)")
        let doubled = idsByStep.filter { $0.value.count != 1 }
        #expect(doubled.isEmpty, "steps sent under several ids: \(doubled); kill instants (ms): \(instants)")
    }
}

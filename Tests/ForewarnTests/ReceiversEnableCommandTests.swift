import Foundation
import Testing

/// A 410 from a real loopback receiver disables the receiver in the state directory's store; the commands list it,
/// show the failed notice and enable the receiver again.
@Suite struct ReceiversEnableCommandTests {
    @Test func goneIsPersistedListedAndEnabledAgain() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("forewarn-gone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let receiver = try ReceiversCommandTests.startReceiver(in: work)
        defer {
            kill(receiver.process.processIdentifier, SIGKILL)
            receiver.process.waitUntilExit()
        }
        let state = work.appendingPathComponent("state").path
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let soak = try CommandRunner.run([
            "delivery-soak", "--store", state + "/forewarn.sqlite", "--url",
            "http://127.0.0.1:\(receiver.port)/status/410", "--notices", "1",
        ])
        #expect(soak.status == 0, "\(soak.standardOutput)\(soak.standardError)")
        #expect(soak.standardOutput.contains("failed=1"))

        let disabled = try CommandRunner.run(["receivers", "disabled", "--state", state])
        #expect(disabled.standardOutput.hasPrefix("soak\t"), "\(disabled.standardOutput)\(disabled.standardError)")
        #expect(disabled.standardOutput.contains("410"))

        let listed = try CommandRunner.run(["notices", "--state", state, "--filter", "failed"])
        #expect(listed.status == 0, "\(listed.standardError)")
        #expect(listed.standardOutput.split(separator: "\n").count == 1)
        #expect(listed.standardOutput.contains("\tsoak\tfailed\treport: -\t"))

        let enabled = try CommandRunner.run(["receivers", "enable", "soak", "--state", state])
        #expect(enabled.status == 0, "\(enabled.standardError)")
        #expect(enabled.standardOutput.contains("receiver soak: enabled"))
        #expect(try CommandRunner.run(["receivers", "disabled", "--state", state]).standardOutput.isEmpty)
        let again = try CommandRunner.run(["receivers", "enable", "soak", "--state", state])
        #expect(again.status == 2)
        #expect(again.standardError.contains("is not disabled"))
    }
}

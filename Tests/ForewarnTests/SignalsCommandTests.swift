import Foundation
import Testing

/// `forewarn signals test` as a process: a signal from a plan directory, inline sources, and the exit statuses.
@Suite struct SignalsCommandTests {
    /// A plan directory in a fresh temporary directory with a file signal reading `value` and a push signal.
    private func makePlans(value: String) throws -> (plans: URL, valueFile: URL) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("forewarn-signals-cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let valueFile = directory.appendingPathComponent("disk-used")
        try value.write(to: valueFile, atomically: true, encoding: .utf8)
        try """
        signals:
          disk:
            kind: file
            path: \(valueFile.path)
            range: [0, 100]
          orders:
            kind: push
        receivers:
          ops-webhook:
            kind: webhook
            url: http://127.0.0.1:9/hook
        audiences:
          ops:
            kind: staff
            recipients:
              - id: ops-lead

        """.write(to: directory.appendingPathComponent("signals.yaml"), atomically: true, encoding: .utf8)
        try """
        plan: disk-full
        title: Disk full
        owner: ops-lead
        timezone: UTC
        foresee:
          forecast: { signal: disk, above: 90, within: 6h }
        actions:
          - webhook: ops-webhook
            before: [1h]

        """.write(to: directory.appendingPathComponent("disk-full.yaml"), atomically: true, encoding: .utf8)
        return (directory, valueFile)
    }

    @Test func printsTheValueOfAPlanSignal() throws {
        let (plans, _) = try makePlans(value: "42\n")
        defer { try? FileManager.default.removeItem(at: plans) }
        let outcome = try CommandRunner.run(["signals", "test", "disk", "--plans", plans.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("disk = 42 (numeric, file, at "))
    }

    @Test func printsThePreciseReasonOfABadSample() throws {
        let (plans, _) = try makePlans(value: "140\n")
        defer { try? FileManager.default.removeItem(at: plans) }
        let outcome = try CommandRunner.run(["signals", "test", "disk", "--plans", plans.path])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError == "disk: bad sample (out_of_range): value 140 is outside the valid range 0...100\n")
    }

    @Test func explainsUnknownAndPushSignals() throws {
        let (plans, _) = try makePlans(value: "1\n")
        defer { try? FileManager.default.removeItem(at: plans) }
        let unknown = try CommandRunner.run(["signals", "test", "nosuch", "--plans", plans.path])
        #expect(unknown.status == 2)
        #expect(unknown.standardError == "error: no signal 'nosuch' in \(plans.path) (signals: disk, orders)\n")
        let push = try CommandRunner.run(["signals", "test", "orders", "--plans", plans.path])
        #expect(push.status == 1)
        #expect(push.standardError.contains("is a push signal: it has nothing to poll"))
    }

    @Test func probesAnInlineCommandAndReportsItsFailure() throws {
        let good = try CommandRunner.run([
            "signals", "test", "probe", "--source", "command", "--arg", "/bin/echo", "--arg", "7",
        ])
        #expect(good.status == 0, "\(good.standardError)")
        #expect(good.standardOutput.hasPrefix("probe = 7 (numeric, command, at "))
        let failing = try CommandRunner.run([
            "signals", "test", "probe", "--source", "command", "--arg", "echo broken >&2; exit 4", "--shell",
        ])
        #expect(failing.status == 1)
        #expect(
            failing.standardError == "probe: read failed (local): command '/bin/sh' exited with status 4: 'broken'\n")
    }
}

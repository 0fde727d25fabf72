import Foundation
import Testing

/// `forewarn check` and `forewarn schema` as processes: exit codes, gcc-style lines, JSON output.
@Suite struct CheckCommandTests {
    static func brokenDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "forewarn-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("plans"), to: directory)
        let plan = directory.appendingPathComponent("cyberday.yaml")
        let text = try String(contentsOf: plan, encoding: .utf8)
            .replacingOccurrences(of: "    before: [3d, 1d]\n", with: "    leadtime: [3d, 1d]\n")
            .replacingOccurrences(of: "timezone: America/Santiago", with: "timezone: America/Santigo")
        try text.write(to: plan, atomically: true, encoding: .utf8)
        return directory
    }

    @Test func examplePlansExitZero() throws {
        let outcome = try CommandRunner.run(["check", "--plans", "plans"])
        #expect(outcome.status == 0, "\(outcome.standardOutput)\(outcome.standardError)")
        #expect(!outcome.standardOutput.contains(": error:"))
        #expect(outcome.standardError.contains("plans: OK, 4 plans"))
    }

    @Test func smsTemplatesReportEncodingAndSegments() throws {
        let outcome = try CommandRunner.run(["check", "--plans", "plans"])
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        // "¡" and "ñ" are GSM-7; "á" in "estarán" is not, so that text goes out as UCS-2 in two segments.
        #expect(
            lines.contains("plans/cyberday.yaml:19:11: note: 'message.es' as SMS: GSM-7, 1 segment with sample data"))
        #expect(
            lines.contains(
                "plans/holiday-hours.yaml:23:11: note: 'message.es' as SMS: UCS-2, 2 segments with sample data"))
        // The 'stores' audience transliterates (á→a), so the power-outage notice stays GSM-7.
        #expect(
            lines.contains(
                "plans/power-outage.yaml:18:11: note: 'message.es' as SMS: GSM-7, 1 segment with sample data"))
    }

    @Test func brokenPlanExitsOneWithEveryDiagnosticGccStyle() throws {
        let directory = try Self.brokenDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CommandRunner.run(["check", "--plans", directory.path])
        #expect(outcome.status == 1)
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        let file = directory.appendingPathComponent("cyberday.yaml").path
        #expect(
            lines.contains(
                "\(file):10:11: error: 'timezone': unknown time zone 'America/Santigo': use an IANA name such as America/Santiago or Europe/Madrid (see `timedatectl list-timezones`)"
            ))
        #expect(lines.contains { $0.hasPrefix("\(file):17:5: error: unknown key 'leadtime' in 'actions[0]'") })
        #expect(outcome.standardError.contains("2 errors"))
    }

    @Test func jsonFormatIsMachineReadable() throws {
        let directory = try Self.brokenDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CommandRunner.run(["check", "--plans", directory.path, "--format", "json"])
        #expect(outcome.status == 1)
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(report["ok"] as? Bool == false)
        #expect(report["errors"] as? Int == 2)
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        #expect(
            diagnostics.contains {
                $0["line"] as? Int == 10 && $0["column"] as? Int == 11 && $0["severity"] as? String == "error"
            })
    }

    @Test func usageErrorsExitTwo() throws {
        let outcome = try CommandRunner.run(["check", "--format", "xml"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("xml"))
        #expect(try CommandRunner.run(["check", "--no-such-flag"]).status == 2)
    }

    @Test func missingDirectoryIsAnErrorNotACrash() throws {
        let outcome = try CommandRunner.run(["check", "--plans", "/nonexistent/forewarn-plans"])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("/nonexistent/forewarn-plans: error: plan directory not found"))
    }

    @Test func schemaCommandPrintsDraft202012() throws {
        let outcome = try CommandRunner.run(["schema"])
        #expect(outcome.status == 0)
        let schema = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let committed = try String(
            contentsOf: CommandRunner.repository.appendingPathComponent("docs/plan-file.schema.json"), encoding: .utf8)
        #expect(
            committed == outcome.standardOutput,
            "docs/plan-file.schema.json is stale: run `forewarn schema > docs/plan-file.schema.json`")
    }
}

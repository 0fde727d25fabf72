import Foundation
import Testing

@testable import Plans

/// The JSON Schema printed by `forewarn schema` must accept every example file and reject broken ones.
/// Validation uses Debian's python3-jsonschema (installed by scripts/install-deps.sh).
@Suite struct SchemaTests {
    static let python = "/usr/bin/python3"
    static let validator = """
        import json, sys, yaml, jsonschema
        class Loader(yaml.SafeLoader): pass
        # YAML 1.2 (what the YAML language server uses) has no timestamps: keep dates as strings.
        Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] != 'tag:yaml.org,2002:timestamp']
                                          for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for path in sys.argv[2:]:
            errors = list(validator.iter_errors(yaml.load(open(path, encoding='utf-8'), Loader=Loader)))
            print(path, 'valid' if not errors else 'invalid: ' + errors[0].message)
        """

    static func validate(_ files: [URL]) throws -> [String: String] {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("forewarn-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let schema = work.appendingPathComponent("schema.json")
        try PlanSchema.json().write(to: schema, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", validator, schema.path] + files.map(\.path)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "the schema validator failed to run")
        var verdicts: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { verdicts[String(parts[0])] = String(parts[1]) }
        }
        return verdicts
    }

    @Test func schemaIsValidJSONOfDraft202012() throws {
        let object = try JSONSerialization.jsonObject(with: Data(PlanSchema.json().utf8)) as? [String: Any]
        #expect(object?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(object?["oneOf"] != nil)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: python)))
    func everyExampleFileValidatesAgainstTheSchema() throws {
        let plans = ExamplePlanTests.plans
        let files = try FileManager.default.contentsOfDirectory(atPath: plans.path).filter { $0.hasSuffix(".yaml") }
            .map { plans.appendingPathComponent($0) }
        #expect(files.count >= 8)
        let verdicts = try Self.validate(files)
        for file in files {
            #expect(verdicts[file.path] == "valid", "\(file.lastPathComponent): \(verdicts[file.path] ?? "no verdict")")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: python)))
    func schemaRejectsWhatTheLoaderRejectsByShape() throws {
        let broken = BrokenPlanTests.fixtures.appendingPathComponent("broken")
        let cases = [
            "unknown-key-did-you-mean", "missing-owner", "two-trigger-kinds", "bad-duration-unit", "inline-secret",
            "unknown-signal-kind", "forecast-above-and-below", "confidence-out-of-range", "list-item-needs-kind",
        ]
        let files = cases.map { name in
            let directory = broken.appendingPathComponent(name)
            let file =
                (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.first { $0.hasSuffix(".yaml") }
                ?? ""
            return directory.appendingPathComponent(file)
        }
        let verdicts = try Self.validate(files)
        for file in files {
            #expect(
                verdicts[file.path]?.hasPrefix("invalid") == true,
                "\(file.path): \(verdicts[file.path] ?? "no verdict")")
        }
    }
}

import Foundation
import Testing

@testable import Plans

/// Every directory under Fixtures/broken holds files laid over Fixtures/base (and an optional remove.txt
/// naming base files to drop); `expected.txt` holds the exact diagnostics `check` must print for it.
@Suite struct BrokenPlanTests {
    static let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    static let cases: [String] = {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("broken").path)) ?? []
        return names.sorted()
    }()

    static func loader() -> PlanLoader {
        var loader = PlanLoader()
        loader.environment = ["FOREWARN_KANNEL": "test-password"]
        return loader
    }

    /// Builds the case's directory in a fresh temporary folder and loads it as `plans`.
    static func load(case name: String) throws -> LoadResult {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("forewarn-broken-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("base"), to: work)
        let caseDirectory = fixtures.appendingPathComponent("broken/\(name)")
        for file in try FileManager.default.contentsOfDirectory(atPath: caseDirectory.path) {
            let target = work.appendingPathComponent(file)
            switch file {
            case "expected.txt": continue
            case "remove.txt":
                let names = try String(contentsOf: caseDirectory.appendingPathComponent(file), encoding: .utf8)
                for line in names.split(separator: "\n") {
                    try FileManager.default.removeItem(at: work.appendingPathComponent(String(line)))
                }
            default:
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: caseDirectory.appendingPathComponent(file), to: target)
            }
        }
        return loader().load(directory: work.path, displayedAs: "plans")
    }

    @Test func thereAreAtLeastFortyBrokenPlans() {
        #expect(Self.cases.count >= 40)
    }

    @Test func theBaseDirectoryIsClean() throws {
        let result = Self.loader().load(
            directory: Self.fixtures.appendingPathComponent("base").path, displayedAs: "plans")
        #expect(result.diagnostics.filter { $0.severity != .note } == [])
        #expect(result.planSet?.plans.map(\.id) == ["base"])
    }

    @Test(arguments: cases)
    func brokenPlanGetsItsExactDiagnostics(name: String) throws {
        let result = try Self.load(case: name)
        let printed =
            result.diagnostics.filter { $0.severity != .note }.map(\.description).joined(separator: "\n") + "\n"
        let expectedURL = Self.fixtures.appendingPathComponent("broken/\(name)/expected.txt")
        if ProcessInfo.processInfo.environment["FOREWARN_RECORD_DIAGNOSTICS"] != nil {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/broken/\(name)/expected.txt")
            try printed.write(to: source, atomically: true, encoding: .utf8)
        }
        let expected = (try? String(contentsOf: expectedURL, encoding: .utf8)) ?? "(missing expected.txt)"
        #expect(printed == expected, "case \(name)")
        #expect(result.diagnostics.hasErrors, "a broken plan must produce at least one error")
        #expect(result.planSet == nil)
    }
}

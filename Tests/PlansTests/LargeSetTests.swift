import Foundation
import Testing

@testable import Plans

/// A set large enough that plans are built and validated in parallel chunks gives, for every plan file, the
/// same diagnostics in the same order as that file loaded alone beside the definitions (a small set, checked
/// one plan after another).
@Suite struct LargeSetTests {
    static let base = BrokenPlanTests.fixtures.appendingPathComponent("base")
    static let count = 150

    /// The base plan renamed `plan-NNN`; every seventh one names an unknown receiver and variable, every
    /// eleventh one an unknown calendar and a template that does not parse.
    static func planText(_ index: Int) throws -> String {
        var text = try String(contentsOf: base.appendingPathComponent("plan.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "plan: base", with: String(format: "plan: plan-%03d", index))
        if index % 7 == 0 {
            text = text.replacingOccurrences(of: "via: sms", with: "via: smz")
                .replacingOccurrences(of: "Hola de {{brand}}", with: "Hola de {{brnad}}")
        }
        if index % 11 == 0 {
            text = text.replacingOccurrences(of: "calendar: days", with: "calendar: dayz")
                .replacingOccurrences(of: "Hello from {{brand}}", with: "Hello from {{#brand}}")
        }
        return text
    }

    /// Loads the definitions plus the plans `indices` from a fresh directory.
    static func load(_ indices: some Sequence<Int>) throws -> LoadResult {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("forewarn-large-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: base.appendingPathComponent("defs.yaml"), to: work.appendingPathComponent("defs.yaml"))
        for index in indices {
            try planText(index).write(
                to: work.appendingPathComponent(String(format: "plan-%03d.yaml", index)), atomically: true,
                encoding: .utf8)
        }
        return BrokenPlanTests.loader().load(directory: work.path, displayedAs: "plans")
    }

    @Test func parallelFindingsMatchEachPlanLoadedAlone() throws {
        let large = try Self.load(0..<Self.count)
        var alone: [Diagnostic] = []
        for index in 0..<Self.count {
            let file = "/plan-\(index.padded).yaml"
            alone += try Self.load([index]).diagnostics.filter { $0.location.file.hasSuffix(file) }
        }
        let planFindings = large.diagnostics.filter { $0.location.file.contains("/plan-") }
        #expect(planFindings.map(\.description) == alone.map(\.description))
        #expect(planFindings.filter { $0.severity == .error }.count == 22 * 2 + 14 * 2)
        #expect(large.planSet == nil)
    }

    @Test func aCleanLargeSetLoadsEveryPlanInFileOrder() throws {
        let clean = (0..<Self.count).filter { $0 % 7 != 0 && $0 % 11 != 0 }
        let result = try Self.load(clean)
        #expect(result.diagnostics.filter { $0.severity == .error } == [])
        #expect(result.planSet?.plans.map(\.id) == clean.map { "plan-\($0.padded)" })
    }
}

extension Int {
    fileprivate var padded: String { String(format: "%03d", self) }
}

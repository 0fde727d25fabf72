import Foundation
import Testing

@testable import Plans

/// Random bytes and random mutations of the valid example plans never crash or hang the loader, and
/// input that is not a plan always gets at least one error. Seeded, so a failure reproduces.
@Suite struct LoaderFuzzTests {
    /// A small deterministic generator (SplitMix64) so failures reproduce from the printed seed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func loadSingleFile(_ bytes: [UInt8], named name: String = "fuzz.yaml", base: URL? = nil) throws
        -> LoadResult
    {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("forewarn-fuzz-\(UUID().uuidString)")
        if let base {
            try FileManager.default.copyItem(at: base, to: work)
        } else {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        }
        defer { try? FileManager.default.removeItem(at: work) }
        try Data(bytes).write(to: work.appendingPathComponent(name))
        return PlanLoader().load(directory: work.path, displayedAs: "plans")
    }

    @Test(arguments: 0..<4)
    func randomBytesAlwaysGiveAnError(round: Int) throws {
        var random = SeededGenerator(state: UInt64(0xF0E1 + round))
        for iteration in 0..<50 {
            let count = Int.random(in: 0...400, using: &random)
            let alphabet = Array("plan: title owner\n -:{}[]&*!|>'\"#%@`\t\\ é€\u{0}".utf8)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &random)
                    ? alphabet.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            }
            let result = try Self.loadSingleFile(bytes)
            #expect(result.diagnostics.hasErrors, "seed \(0xF0E1 + round) iteration \(iteration) loaded without errors")
            #expect(result.planSet == nil)
            for diagnostic in result.diagnostics {
                #expect(diagnostic.location.file.hasPrefix("plans"), "diagnostic without a file: \(diagnostic)")
            }
        }
    }

    @Test(arguments: [
        "cyberday.yaml", "power-outage.yaml", "holiday-hours.yaml", "checkout-surge.yaml", "receivers.yaml",
    ])
    func mutatedExamplePlansNeverCrashAndReportConsistently(file: String) throws {
        let plans = ExamplePlanTests.plans
        let original = try [UInt8](Data(contentsOf: plans.appendingPathComponent(file)))
        var random = SeededGenerator(state: UInt64(file.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        let inserts = Array(":-{}[]#&*\t\n '\"é\u{FF}".utf8)
        for iteration in 0..<25 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes.remove(at: index)
                case 1: bytes.insert(inserts.randomElement(using: &random)!, at: index)
                default: bytes[index] = inserts.randomElement(using: &random)!
                }
            }
            let result = try Self.loadSingleFile(bytes, named: file, base: plans)
            // Errors and a plan set exclude each other, and every error names a position in a file.
            #expect(result.diagnostics.hasErrors == (result.planSet == nil), "\(file) iteration \(iteration)")
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                #expect(diagnostic.location.file.hasPrefix("plans"), "\(diagnostic)")
            }
            if bytes == original { #expect(!result.diagnostics.hasErrors) }
        }
    }

    @Test func hugeFilesAreRefusedWithoutReadingThem() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "#"), count: SourceFile.maximumSize + 1)
        let result = try Self.loadSingleFile(bytes)
        let first = try #require(result.diagnostics.first)
        #expect(
            first.description.hasPrefix(
                "plans/fuzz.yaml:1:1: error: file is \(SourceFile.maximumSize + 1) bytes, above the limit"))
    }

    @Test func deepNestingIsBounded() throws {
        let depth = 5_000
        let text =
            "plan: x\nvars: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let result = try Self.loadSingleFile(Array(text.utf8))
        #expect(result.diagnostics.hasErrors)
    }
}

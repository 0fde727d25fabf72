import ArgumentParser
import Foundation
import Plans

/// `forewarn check`: load a plan directory exactly as the daemon does and report every problem at once.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a plan directory; print every diagnostic as file:line:col.",
        discussion: "Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var plans: PlanDirectoryOption

    @Option(help: "Output format: text (gcc style) or json (for editors and CI).")
    var format: Format = .text

    func run() throws {
        let directory = plans.resolved
        let result = PlanLoading.makeLoader().load(directory: directory)
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        switch format {
        case .text:
            for diagnostic in result.diagnostics { print(diagnostic) }
            let plans = result.planSet?.plans.count
            let summary =
                errors > 0
                ? "\(directory): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
                : "\(directory): OK, \(plans ?? 0) plan\(plans == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        case .json:
            let report = CheckReport(
                directory: directory, ok: errors == 0, errors: errors, warnings: warnings,
                plans: result.planSet?.plans.map(\.id) ?? [],
                diagnostics: result.diagnostics.map(CheckReport.Entry.init))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        }
        if errors > 0 { throw ExitCode(1) }
    }
}

/// The JSON form of a check, for editors and CI.
struct CheckReport: Encodable {
    struct Entry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var message: String

        init(_ diagnostic: Diagnostic) {
            file = diagnostic.location.file
            line = diagnostic.location.line
            column = diagnostic.location.column
            severity = diagnostic.severity.rawValue
            message = diagnostic.message
        }
    }

    var directory: String
    var ok: Bool
    var errors: Int
    var warnings: Int
    var plans: [String]
    var diagnostics: [Entry]
}

import Foundation

/// Where something is in a plan directory: a file and a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file as the operator named it (the directory argument joined with the file name).
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars as libyaml does.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, or just `file` for a finding about a whole file or directory (line 0).
    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }
}

/// How serious a diagnostic is: errors stop a plan set from loading, warnings do not.
public enum Severity: String, Sendable, Codable, Comparable {
    /// Information, such as an SMS text's encoding and segment count.
    case note
    case warning
    case error

    private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding about a plan directory, printed gcc style: `file:line:col: error: message`.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Where the offending YAML node is.
    public var location: SourceLocation
    /// Error or warning.
    public var severity: Severity
    /// What is wrong and what to do, in one line.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The diagnostics ordered by file, line and column (stable for equal positions).
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element.location, rhs.element.location)
            if a.file != b.file { return a.file < b.file }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}

/// Collects diagnostics while a plan directory is read.
struct DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    mutating func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location, message))
    }

    mutating func warning(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location, message))
    }

    mutating func note(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.note, at: location, message))
    }

    mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }
}

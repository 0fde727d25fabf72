import Foundation
import Yams

/// One YAML file of a plan directory, read and composed into a node tree with positions.
struct SourceFile {
    /// The path as shown in diagnostics (directory argument joined with the file name).
    let displayPath: String
    /// The composed document, or nil when the file could not be parsed (see the diagnostics).
    let root: Node?

    /// The largest plan file accepted, so a runaway file cannot exhaust memory.
    static let maximumSize = 1 << 20

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: displayPath, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    var start: SourceLocation { SourceLocation(file: displayPath, line: 1, column: 1) }

    /// Reads and composes the file at `path` (Yams reading it as `encoding`); every problem becomes a diagnostic
    /// at its position.
    static func read(
        path: String, displayPath: String, encoding: Parser.Encoding, into sink: inout DiagnosticSink
    ) -> SourceFile {
        let start = SourceLocation(file: displayPath, line: 1, column: 1)
        let failed = SourceFile(displayPath: displayPath, root: nil)
        // stat(2) rather than URL resource values: the latter cost a tenth of loading a large directory.
        var status = stat()
        guard stat(path, &status) == 0 else {
            sink.error(start, "cannot read file: \(String(cString: strerror(errno)))")
            return failed
        }
        guard Int(status.st_size) <= maximumSize else {
            sink.error(
                start,
                "file is \(status.st_size) bytes, above the limit of \(maximumSize) bytes; split it into several files")
            return failed
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            sink.error(start, "cannot read file: permission denied or not a regular file")
            return failed
        }
        guard data.count <= maximumSize else {
            sink.error(start, "file is above the limit of \(maximumSize) bytes; split it into several files")
            return failed
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let validated = String(validating: bytes, as: UTF8.self)  // fast path; the slow search only on failure
        if validated == nil, let bad = firstInvalidUTF8(bytes) {
            sink.error(
                SourceLocation(file: displayPath, line: bad.line, column: bad.column),
                "file is not valid UTF-8 (byte 0x\(String(bad.byte, radix: 16, uppercase: true))); save it as UTF-8")
            return failed
        }
        let text = validated ?? String(decoding: bytes, as: UTF8.self)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            sink.error(
                start,
                "file is empty: a plan starts with 'plan: <id>', a definitions file with 'signals:', 'receivers:', 'audiences:', 'calendars:' or 'policies:'"
            )
            return failed
        }
        if let tab = firstIndentingTab(bytes) {
            sink.error(
                SourceLocation(file: displayPath, line: tab.line, column: tab.column),
                "tab character in indentation: YAML indents with spaces only")
            return failed
        }
        do {
            // Scalars are read as text by the shape checker, so Yams need not resolve tags with its regexes.
            guard let root = try Yams.compose(yaml: text, .basic, .default, encoding) else {
                sink.error(start, "file holds no YAML document")
                return failed
            }
            return SourceFile(displayPath: displayPath, root: root)
        } catch let error as YamlError {
            let (mark, message) = describe(error)
            sink.error(SourceLocation(file: displayPath, line: mark.line, column: mark.column), message)
            return failed
        } catch {
            sink.error(start, "cannot parse YAML: \(error)")
            return failed
        }
    }

    private static func describe(_ error: YamlError) -> ((line: Int, column: Int), String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let during = context.map { " (\($0.text))" } ?? ""
            return ((mark.line, mark.column), "YAML syntax error: \(problem)\(during)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return (
                (context.mark.line, context.mark.column),
                "duplicate key \(keys) in the same mapping: each key may appear once"
            )
        case let .reader(problem, offset, _, yaml):
            let prefix = offset.map { yaml.utf8.prefix($0) } ?? Substring("").utf8
            let line = prefix.filter { $0 == 0x0A }.count + 1
            return ((line, 1), "cannot read YAML: \(problem)")
        default:
            return ((1, 1), "cannot parse YAML: \(error)")
        }
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        var line = 1
        var lineStart = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == 0x0A {
                    line += 1
                    lineStart = offset + 1
                }
                offset += encoded.count
            case .emptyInput:
                return nil
            case .error(let length):
                let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
                _ = length
                return (line, column, bytes[offset])
            }
        }
    }

    private static func firstIndentingTab(_ bytes: [UInt8]) -> (line: Int, column: Int)? {
        var line = 1
        var column = 1
        var inIndentation = true
        for byte in bytes {
            switch byte {
            case 0x0A:
                line += 1
                column = 1
                inIndentation = true
                continue
            case 0x09 where inIndentation:
                return (line, column)
            case 0x20:
                break
            default:
                inIndentation = false
            }
            column += 1
        }
        return nil
    }
}

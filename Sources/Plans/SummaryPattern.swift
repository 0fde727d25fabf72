/// An event trigger's `match`: a case-insensitive regular expression (Swift's `Regex` syntax) over an event's
/// summary, compiled once.
///
/// Most patterns name events, `CyberDay|Black Friday`: alternatives of plain text with no regex syntax. Those are
/// matched as case-insensitive substrings without a regex engine — Swift's regex parser and engine are ~0.5 MiB
/// resident once used (docs/daemon.md, "Memory"); `SummaryPatternTests` hold the two paths to the same answers.
public struct SummaryPattern: Sendable {
    private enum Matcher: Sendable {
        case alternatives([[Character]])  // lowercased; an empty one matches everything
        case regex(RegexBox)
    }

    /// A compiled pattern behind a reference, so that laying out `Matcher` never instantiates `Regex`'s type
    /// metadata (which pages in parts of the regex libraries even when every pattern is plain text).
    private final class RegexBox: @unchecked Sendable {  // immutable after init; Regex is safe to share
        let regex: Regex<AnyRegexOutput>

        /// Out of line (as `matches`), so that the plain-text path never requests the regex types' metadata.
        @inline(never) init(compiling text: String) throws { regex = try Regex(text).ignoresCase() }

        @inline(never) func matches(_ summary: String) -> Bool { summary.firstMatch(of: regex) != nil }
    }

    private let matcher: Matcher

    /// Compiles `text`; throws the regex parser's error when `text` is not a valid pattern.
    public init(_ text: String) throws {
        if Self.isPlainAlternation(text) {
            // A Character separator: a String one picks _StringProcessing's regex-based `split`.
            let alternatives = text.split(separator: "|" as Character, omittingEmptySubsequences: false)
            matcher = .alternatives(alternatives.map { Array($0.lowercased()) })
        } else {
            matcher = .regex(try RegexBox(compiling: text))
        }
    }

    /// Whether the pattern occurs anywhere in `summary`, ignoring case.
    public func matches(_ summary: String) -> Bool {
        switch matcher {
        case .alternatives(let alternatives):
            let folded = Array(summary.lowercased())
            return alternatives.contains { Self.occurs($0, in: folded) }
        case .regex(let box):
            return box.matches(summary)
        }
    }

    /// Whether `needle` occurs in `haystack`, character by character (as the regex engine compares).
    private static func occurs(_ needle: [Character], in haystack: [Character]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }

    /// Text and `|` only: none of the characters that mean something in a pattern.
    static func isPlainAlternation(_ text: String) -> Bool {
        !text.unicodeScalars.contains { #"\^$.[](){}*+?#"#.unicodeScalars.contains($0) }
    }
}

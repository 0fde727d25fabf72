import Foundation
import Testing

@testable import Plans

/// Plan loading checks locales, credential names, JSON pointers and template variable names without a regular
/// expression engine (docs/daemon.md, "Memory"); these tests hold each direct check to the pattern it replaces,
/// run by Foundation's `NSRegularExpression`, over hand-picked and generated strings.
@Suite struct PatternCheckTests {
    /// Deterministic strings over an alphabet that exercises every class in the patterns.
    static func generated(count: Int, alphabet: String, maxLength: Int) -> [String] {
        let letters = Array(alphabet)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        return (0..<count).map { _ in
            String((0..<(next() % (maxLength + 1))).map { _ in letters[next() % letters.count] })
        }
    }

    static func regexMatches(_ pattern: String, _ text: String) throws -> Bool {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test(arguments: [ScalarFormat.locale, .credentialName, .jsonPointer])
    func directCheckAgreesWithThePattern(format: ScalarFormat) throws {
        let pattern = try #require(format.pattern)
        let picked = [
            "", "es", "en", "es-CL", "en-US", "spa", "e", "espa", "es-cl", "ES", "es-CLX", "es_CL", "es-", "-CL",
            "es-C", "API_KEY", "forewarn.token", "a-b_c.d", "with space", "ñandú", "/", "/a/b", "/a~0b/~1c", "/~",
            "/~2", "a/b", "//", "/a~", "~0", "/é/ü", "es\n", "/a\n",
        ]
        var disagreements: [String] = []
        for text in picked + Self.generated(count: 3000, alphabet: "aesCLU-_.~01/ Zz9\u{00F1}", maxLength: 7) {
            if format.fitsPattern(text) != (try Self.regexMatches(pattern, text)) { disagreements.append(text) }
        }
        // ICU's `$` also matches before a final line terminator; the direct checks refuse that newline.
        disagreements.removeAll { $0.hasSuffix("\n") && !format.fitsPattern($0) }
        #expect(disagreements.isEmpty, "\(format): \(disagreements.prefix(5).map { "'\($0)'" })")
    }

    @Test func variableNamesAgreeWithThePattern() throws {
        let regex = try NSRegularExpression(pattern: #"\{\{\{?\s*[#^&]?\s*([A-Za-z_][A-Za-z0-9_]*)"#)
        func expected(_ text: String) -> [String] {
            regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
                Range(match.range(at: 1), in: text).map { String(text[$0]) }
            }
        }
        let picked = [
            "Hola {{name}}", "{{#items}}{{label}}{{/items}}", "{{{raw}}} and {{ spaced }}", "{{^none}}-{{/none}}",
            "{{& amp}}", "{{{{x}}", "{{9lives}}", "{{ #  deep.path }}", "{{}}", "{ {a}}", "{{a}}{{b}}", "{{_}}",
            "{{\u{00F1}}}", "{{\ttab}}", "{{{ #x}}}",
        ]
        var disagreements: [String] = []
        for text in picked + Self.generated(count: 3000, alphabet: "{}#^& a_Z9.\t/", maxLength: 12)
        where MessageTemplates.variableNames(in: text) != expected(text) {
            disagreements.append(text)
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5).map { "'\($0)'" })")
        #expect(MessageTemplates.variableNames(in: "{{#items}}{{label}} {{{ raw }}}") == ["items", "label", "raw"])
    }
}

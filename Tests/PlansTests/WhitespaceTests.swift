import Foundation
import Plans
import Testing

/// Plan loading trims with the standard library's Unicode properties instead of Foundation's character sets
/// (docs/daemon.md, "Memory"); these tests hold both to Foundation over every Unicode scalar.
@Suite struct WhitespaceTests {
    static let scalars = (0...0x10FFFF).compactMap(Unicode.Scalar.init)

    @Test func blanksAreFoundationsWhitespaces() {
        let differing = Self.scalars.filter { $0.isBlank != CharacterSet.whitespaces.contains($0) }
        #expect(Self.scalars.count == 1_112_064)
        #expect(differing.isEmpty, "\(differing.prefix(5).map { String($0.value, radix: 16) })")
    }

    @Test func blanksAndNewlinesAreFoundationsWhitespacesAndNewlines() {
        let differing = Self.scalars.filter {
            $0.isBlankOrNewline != CharacterSet.whitespacesAndNewlines.contains($0)
        }
        #expect(differing.isEmpty, "\(differing.prefix(5).map { String($0.value, radix: 16) })")
    }

    @Test(arguments: [
        "", " ", "\t", "plain", "  padded  ", "\u{00A0}nbsp\u{3000}", "\tboth\t ", "in ner", "\nline\n", "\r\n x \r\n",
        "\u{2028}sep\u{2029}", "\u{85}next\u{85}", "é ", " \u{301}", "\u{200B}zero width\u{200B}",
    ])
    func trimmingMatchesFoundation(text: String) {
        #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingWhitespaceAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text[...].trimmingWhitespace == text.trimmingCharacters(in: .whitespaces))
    }
}

import Testing

@testable import Plans

/// An event trigger's `match` without regex syntax is matched without the regex engine; these tests hold that
/// path to the engine's answers (`Regex(text).ignoresCase()`), and check that real patterns use the engine.
@Suite struct SummaryPatternTests {
    static let summaries = [
        "CyberDay 2026", "Black Friday sale", "BLACK FRIDAY (outlet)", "black-friday", "Cyber Monday", "Navidad",
        "Víspera de Navidad", "AÑO NUEVO", "Año Nuevo", "año nuevo chino", "Fiestas Patrias",
        "Día de las Glorias Navales",
        "Inventario", "", "Ñandú day", "ÉXITO", "éxito", "Straße", "STRASSE", "İstanbul", "Σίσυφος", "ΣΊΣΥΦΟΣ",
        "Cafe\u{301} abierto", "Café abierto", "naïve", "NAÏVE", "a|b", "x  y",
    ]
    static let patterns = [
        "CyberDay|Black Friday", "Navidad|Año Nuevo|Fiestas Patrias|Glorias", "black friday", "AÑO", "ñandú", "éxito",
        "straße", "istanbul", "σίσυφος", "café", "Café", "naïve", "nuevo chino|", "friday|", "|", "x  y", "y", "",
        "day 2026", "-",
    ]

    @Test func plainAlternativesMatchAsTheRegexEngineDoes() throws {
        var disagreements: [String] = []
        for pattern in Self.patterns {
            #expect(SummaryPattern.isPlainAlternation(pattern), "\(pattern)")
            let fast = try SummaryPattern(pattern)
            let engine = try Regex(pattern).ignoresCase()
            for summary in Self.summaries where fast.matches(summary) != (summary.firstMatch(of: engine) != nil) {
                disagreements.append("'\(pattern)' on '\(summary)'")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(8))")
        #expect(try SummaryPattern("CyberDay|Black Friday").matches("Black Friday sale"))
        #expect(try !SummaryPattern("CyberDay|Black Friday").matches("Cyber Monday"))
    }

    @Test func patternsWithSyntaxUseTheRegexEngine() throws {
        for pattern in [#"^cyber"#, #"friday\)$"#, "fiesta.", "d[ií]a", "(a|b)+", "x{2}", "n?avidad", #"\d{4}"#] {
            #expect(!SummaryPattern.isPlainAlternation(pattern), "\(pattern)")
        }
        #expect(try SummaryPattern("^cyber").matches("CYBER Monday"))
        #expect(try !SummaryPattern("^cyber").matches("The CyberDay"))
        #expect(try SummaryPattern(#"\d{4}$"#).matches("CyberDay 2026"))
        #expect(try SummaryPattern("d[ií]a de").matches("Día de las Glorias Navales"))
    }

    @Test func invalidPatternsAreRefused() {
        for pattern in ["(friday", "[a-", #"\"#, "*"] {
            #expect(throws: (any Error).self, "\(pattern)") { try SummaryPattern(pattern) }
        }
    }
}

import Testing

@testable import Delivery

/// Checks listed in CONVENTIONS.md "SMS gateways" (GSM 03.38 and segment sizes).
@Suite struct SMSEncodingTests {
    @Test(arguments: [
        (String(repeating: "a", count: 160), SMSEncoding.gsm7, 1),
        (String(repeating: "a", count: 161), .gsm7, 2),
        (String(repeating: "€", count: 80), .gsm7, 1),
        (String(repeating: "€", count: 81), .gsm7, 2),
        (String(repeating: "ó", count: 70), .ucs2, 1),
        (String(repeating: "ó", count: 71), .ucs2, 2),
        (String(repeating: "a", count: 69) + "😀", .ucs2, 2),
    ])
    func segmentCounts(text: String, encoding: SMSEncoding, segments: Int) {
        let analysis = SMSAnalysis(text: text)
        #expect(analysis.encoding == encoding)
        #expect(analysis.segments == segments)
        #expect(analysis.parts.joined() == text)
    }

    @Test(arguments: Array("ñÑéÉüÜ¿¡àè"))
    func spanishLettersInGSM7(letter: Character) {
        #expect(SMSAnalysis(text: "Hola \(letter)").encoding == .gsm7)
    }

    @Test(arguments: Array("áÁíÍóÓúÚç"))
    func lettersThatForceUCS2(letter: Character) {
        #expect(SMSAnalysis(text: "Hola \(letter)").encoding == .ucs2)
    }

    @Test func extensionCharactersCostTwo() {
        #expect(SMSAnalysis(text: "{}[]").units == 8)
        #expect(SMSAnalysis(text: "ab").units == 2)
    }

    @Test func neverSplitsAnEscapePair() {
        // 152 septets, then € (2 septets): the € cannot fit part 1's 153 and must start part 2 whole.
        let text = String(repeating: "a", count: 152) + "€" + String(repeating: "b", count: 10)
        let analysis = SMSAnalysis(text: text)
        #expect(analysis.segments == 2)
        #expect(analysis.parts[0] == String(repeating: "a", count: 152))
        #expect(analysis.parts[1].hasPrefix("€"))
    }

    @Test func neverSplitsASurrogatePair() {
        // 66 units, then 😀 (2 UTF-16 units) would end at 68 > 67: it must start part 2 whole.
        let text = String(repeating: "ó", count: 66) + "😀" + String(repeating: "ó", count: 5)
        let analysis = SMSAnalysis(text: text)
        #expect(analysis.units == 73)
        #expect(analysis.parts[0] == String(repeating: "ó", count: 66))
        #expect(analysis.parts[1] == "😀 óóóóó".replacingOccurrences(of: " ", with: ""))
    }

    @Test func transliterationKeepsGSMLettersAndReachesGSM7() {
        let text = "¿Mañana? Árbol, acción, “último” día — ñandú"
        let plain = SMSTransliteration.apply(to: text)
        #expect(plain == "¿Mañana? Arbol, accion, \"ultimo\" dia - ñandu")
        #expect(SMSAnalysis(text: text).encoding == .ucs2)
        #expect(SMSAnalysis(text: plain).encoding == .gsm7)
    }
}

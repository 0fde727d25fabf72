/// Replaces characters outside GSM-7 by close GSM-7 ones (á→a, ç→c, “→"), keeping GSM-7 letters such as ñ and é.
public enum SMSTransliteration {
    static let table: [Unicode.Scalar: String] = [
        "á": "a", "Á": "A", "í": "i", "Í": "I", "ó": "o", "Ó": "O", "ú": "u", "Ú": "U", "ç": "c",
        "â": "a", "ã": "a", "ê": "e", "ë": "e", "î": "i", "ï": "i", "ô": "o", "õ": "o", "û": "u", "ý": "y",
        "Â": "A", "Ã": "A", "À": "A", "È": "E", "Ê": "E", "Ë": "E", "Ì": "I", "Î": "I", "Ï": "I", "Ò": "O",
        "Ô": "O", "Õ": "O", "Ù": "U", "Û": "U", "Ý": "Y", "ś": "s", "ł": "l", "ő": "o", "ű": "u",
        "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"", "\u{2013}": "-", "\u{2014}": "-",
        "\u{2026}": "...", "\u{00A0}": " ", "\u{00AB}": "\"", "\u{00BB}": "\"", "º": "o", "ª": "a",
    ]

    /// The text with every mapped non-GSM-7 character replaced; characters without a mapping are kept.
    public static func apply(to text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if SMSEncoding.gsmCost(scalar) == nil, let replacement = table[scalar] {
                result.append(contentsOf: replacement.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

import Foundation

/// What an inbound (mobile-originated) message asks for.
public enum InboundCommand: Sendable, Equatable {
    /// Stop all messages; carries the keyword that matched.
    case optOut(keyword: String)
    /// Start again after an opt-out.
    case optIn(keyword: String)
    /// Anything else (kept for a human, never acted on).
    case other
}

/// Recognises opt-out and opt-in keywords in English and Spanish, whatever the case, accents or punctuation.
public enum OptOutParser {
    /// Whole-message opt-out keywords (after normalisation).
    public static let optOutKeywords: Set<String> = [
        "STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "OPT OUT", "REVOKE",
        "BAJA", "DAR DE BAJA", "NO MAS", "NO MAS MENSAJES", "ALTO", "PARAR", "CANCELAR", "DETENER", "SALIR",
    ]
    /// Keywords that also count when followed by more words ("STOP please", "BAJA gracias").
    static let leadingOptOutKeywords: [String] = ["STOPALL", "STOP", "UNSUBSCRIBE", "BAJA", "NO MAS"]
    /// Whole-message opt-in keywords.
    public static let optInKeywords: Set<String> = ["START", "UNSTOP", "YES", "SUBSCRIBE", "ALTA", "SI", "REANUDAR"]

    /// Classifies one inbound message body.
    public static func parse(_ body: String) -> InboundCommand {
        let normalized = normalize(body)
        if optOutKeywords.contains(normalized) { return .optOut(keyword: normalized) }
        if optInKeywords.contains(normalized) { return .optIn(keyword: normalized) }
        for keyword in leadingOptOutKeywords where normalized.hasPrefix(keyword + " ") {
            return .optOut(keyword: keyword)
        }
        return .other
    }

    /// Upper-cased, accents removed, punctuation turned into spaces, whitespace collapsed.
    static func normalize(_ body: String) -> String {
        let folded = body.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
            .uppercased()
        let spaced = String(
            String.UnicodeScalarView(
                folded.unicodeScalars.map { scalar in
                    CharacterSet.alphanumerics.contains(scalar) ? scalar : " "
                }))
        return spaced.split(separator: " ").joined(separator: " ")
    }
}

import Foundation

/// Masks what must never reach a log: phone numbers (all but the last three digits) and secret-looking values.
public enum LogRedaction {
    /// Metadata keys whose values are always hidden.
    static let secretKeys = ["token", "password", "secret", "authorization", "apikey", "api_key", "credential"]

    // The patterns are built once: a regex literal inside a function is parsed again on every call (every
    // log line), which cost more than the matching. Sharing one is safe: its compiled program is published atomically.
    /// A phone-number-like run; one glued to a digit, dot or comma on either side (a decimal, a timestamp) is not.
    nonisolated(unsafe) static let phonePattern = #/(^|[^\d.,])(\+?\d[\d \-]{6,18}\d)(?![\d.,])/#
    /// A bearer token.
    nonisolated(unsafe) static let bearerPattern = #/(?i)bearer\s+[A-Za-z0-9._~+\/=-]+/#
    /// A webhook signing secret.
    nonisolated(unsafe) static let webhookSecretPattern = #/whsec_[A-Za-z0-9+\/=]+/#

    /// `text` with every phone-number-like run (`+`, then 8–15 digits, spaces or dashes allowed) masked.
    public static func maskPhoneNumbers(in text: String) -> String {
        mayHoldPhoneNumber(text) ? maskMatches(in: text) : text
    }

    /// `text` with every `phonePattern` match of 8–15 digits masked (the regex pass, without the pre-check).
    /// Out of line, like the other regex passes: inlined, their callers request the regex types' metadata on
    /// every line, which pages in parts of the regex libraries even when no pattern runs.
    @inline(never) static func maskMatches(in text: String) -> String {
        text.replacing(phonePattern) { match in
            let lead = String(match.output.1)
            let raw = String(match.output.2)
            let digits = raw.filter(\.isNumber)
            guard digits.count >= 8, digits.count <= 15, raw.hasPrefix("+") || digits.count >= 9 else {
                return lead + raw
            }
            let prefix = raw.hasPrefix("+") ? "+" + String(digits.prefix(2)) : String(digits.prefix(2))
            return lead + prefix + String(repeating: "*", count: digits.count - 5) + String(digits.suffix(3))
        }
    }

    /// The value to log for metadata `key`: `***` for secret keys, else masked text.
    public static func value(_ value: String, forKey key: String) -> String {
        if secretKeys.contains(where: { containsASCIIIgnoringCase(key, $0) }) { return "***" }
        return maskPhoneNumbers(in: value)
    }

    /// `text` with `Bearer …` tokens and `whsec_…` secrets hidden, and phone numbers masked.
    public static func message(_ text: String) -> String {
        // Each pattern starts with a fixed ASCII word: a line without it is left to the phone-number pass alone.
        var result = text
        if containsASCIIIgnoringCase(text, "bearer") { result = hidingBearerTokens(in: result) }
        if containsASCIIIgnoringCase(text, "whsec_") { result = hidingWebhookSecrets(in: result) }
        return maskPhoneNumbers(in: result)
    }

    @inline(never) static func hidingBearerTokens(in text: String) -> String {
        text.replacing(bearerPattern) { _ in "Bearer ***" }
    }

    @inline(never) static func hidingWebhookSecrets(in text: String) -> String {
        text.replacing(webhookSecretPattern) { _ in "whsec_***" }
    }

    /// Whether `text` has a run of digits, spaces, dashes and `+` with at least nine digits, or eight and a `+`:
    /// every text `phonePattern` masks has one, and most log lines have none, so they never start the regex engine
    /// (whose code is then not even paged in: docs/daemon.md, "Memory").
    static func mayHoldPhoneNumber(_ text: String) -> Bool {
        // `maskMatches` masks a run of 9+ digits, or of 8 behind a `+`: an ISO date's eight (`2026-11-27`, in
        // every "onset …" line) does not start the engine.
        var digits = 0
        var plus = false
        for character in text {
            if character.isNumber {
                digits += 1
                if digits >= 9 || (digits >= 8 && plus) { return true }
            } else if character == "+" {
                plus = true
            } else if character != " " && character != "-" {
                digits = 0
                plus = false
            }
        }
        return false
    }

    /// Whether `text` holds `word` (lowercase ASCII) with its letters in any ASCII case. Byte by byte: Foundation's
    /// `contains` goes through CoreFoundation's Unicode tables, on every log line (docs/daemon.md, "Memory").
    static func containsASCIIIgnoringCase(_ text: String, _ word: String) -> Bool {
        let bytes = Array(text.utf8)
        let needle = Array(word.utf8)
        guard bytes.count >= needle.count else { return false }
        func folded(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        for start in 0...(bytes.count - needle.count)
        where needle.indices.allSatisfy({ folded(bytes[start + $0]) == needle[$0] }) {
            return true
        }
        return false
    }

    /// `text` on one line: every line feed becomes a space (a carriage return before it stays, as before).
    public static func singleLine(_ text: String) -> String {
        guard text.utf8.contains(0x0A) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" ? " " : $0 }))
    }
}

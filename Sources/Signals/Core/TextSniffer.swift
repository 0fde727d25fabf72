import CivilDay
import Foundation

/// Small pure helpers that recognise numbers, HTML pages and flags in untrusted text.
enum NumberParser {
    /// Parses a decimal number the way operators write it (`42`, `-1.5e3`, `NaN`, `+Inf`); nil for anything else.
    static func parse(_ text: String) -> Double? {
        switch text.lowercased() {
        case "nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: break
        }
        // Only plain decimal notation: no hex floats, no "nan(...)" payloads, no thousands separators.
        let allowed = Set("0123456789+-.eE")
        guard text.allSatisfy({ allowed.contains($0) }), text.contains(where: \.isNumber) else { return nil }
        return Double(text)
    }
}

/// Recognises HTML and flags, and shortens text for messages.
enum TextSniffer {
    /// Whether `text` is an HTML document or fragment (an error page) rather than a value.
    static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.prefix(512).lowercased()
        guard head.hasPrefix("<") else { return false }
        return head.hasPrefix("<!doctype html") || head.contains("<html") || head.contains("<head")
            || head.contains("<body") || head.contains("<title") || head.contains("<h1")
    }

    /// Whether `token` looks like a state flag: letters, digits, `_`, `-` or `.` (e.g. `OB`, `DISCHRG`).
    static func isFlag(_ token: String) -> Bool {
        !token.isEmpty && token.count <= 64
            && token.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) || "_-.".unicodeScalars.contains($0)
            }
    }

    /// The first 60 characters of `text` on one line, quoted, for an error message.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let cut = oneLine.count > limit ? String(oneLine.prefix(limit)) + "…" : oneLine
        return "'\(cut)'"
    }
}

extension Duration {
    /// The duration in seconds as a `TimeInterval`.
    var timeInterval: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}

extension Date {
    /// The instant in ISO 8601, UTC, with seconds (`2026-11-23T05:00:00Z`).
    var iso8601: String { CivilDay.iso8601(self) }
}

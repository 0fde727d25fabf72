/// One line of the upsd network protocol, parsed (pure).
public enum NUTReply: Sendable, Hashable {
    /// `VAR <ups> <name> "<value>"`.
    case variable(ups: String, name: String, value: String)
    /// `ERR <code> [<extra>]`.
    case error(code: String)
    /// Anything else.
    case unexpected(String)

    /// Parses one line (without its newline).
    public init(line: String) {
        let words = NUTReply.words(of: line)
        if words.first == "ERR", words.count >= 2 {
            self = .error(code: words[1])
        } else if words.first == "VAR", words.count == 4 {
            self = .variable(ups: words[1], name: words[2], value: words[3])
        } else {
            self = .unexpected(line)
        }
    }

    /// Splits a line into words; `"..."` groups a word, `\"` and `\\` escape inside quotes.
    /// Returns an empty list for an unterminated quote.
    static func words(of line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inQuotes = false
        var hasWord = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if inQuotes {
                if character == "\\" {
                    guard let escaped = iterator.next() else { return [] }
                    current.append(escaped)
                } else if character == "\"" {
                    inQuotes = false
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                inQuotes = true
                hasWord = true
            } else if character == " " || character == "\t" {
                if hasWord { words.append(current) }
                current = ""
                hasWord = false
            } else {
                current.append(character)
                hasWord = true
            }
        }
        if inQuotes { return [] }
        if hasWord { words.append(current) }
        return words
    }

    /// What an `ERR` code means and what to do about it.
    static func explain(_ code: String, ups: String, variable: String) -> (SignalReadError.Code, String) {
        switch code {
        case "UNKNOWN-UPS":
            return (.peerError, "upsd knows no UPS named '\(ups)' (check the name in ups.conf)")
        case "VAR-NOT-SUPPORTED":
            return (.noData, "the driver of '\(ups)' does not report '\(variable)'")
        case "DATA-STALE":
            return (.noData, "upsd has only stale data for '\(ups)' (is the driver running and connected?)")
        case "DRIVER-NOT-CONNECTED":
            return (.peerError, "upsd is not connected to the driver of '\(ups)' (start the driver)")
        case "ACCESS-DENIED":
            return (.peerError, "upsd denied access (check LISTEN and the client's address in upsd.conf)")
        default:
            return (.peerError, "upsd answered ERR \(code)")
        }
    }
}

/// An RFC 6901 JSON pointer (`/data/0/load`, `~1` for `/`, `~0` for `~`; the empty pointer is the whole document).
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The unescaped reference tokens.
    public let tokens: [String]
    /// The pointer as written.
    public let description: String

    /// Parses `text`; throws when it is neither empty nor starts with `/`, or has a bad `~` escape.
    public init(_ text: String) throws(SignalConfigError) {
        description = text
        if text.isEmpty {
            tokens = []
            return
        }
        guard text.hasPrefix("/") else {
            throw SignalConfigError(
                "JSON pointer '\(text)' must be empty or start with '/' (RFC 6901), e.g. '/data/load'")
        }
        var parsed: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var iterator = raw.makeIterator()
            while let character = iterator.next() {
                guard character == "~" else {
                    token.append(character)
                    continue
                }
                switch iterator.next() {
                case "0": token.append("~")
                case "1": token.append("/")
                default:
                    throw SignalConfigError("JSON pointer '\(text)' has a bad escape: '~' must be followed by 0 or 1")
                }
            }
            parsed.append(token)
        }
        tokens = parsed
    }

    /// The value this pointer refers to in `document`, or an error naming the first token that did not resolve.
    public func resolve(in document: JSONValue) -> Result<JSONValue, SignalReadError> {
        var current = document
        var walked = ""
        for token in tokens {
            let here = walked.isEmpty ? "the document" : "'\(walked)'"
            walked += "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            switch current {
            case .object(let members):
                guard let next = members[token] else {
                    return .failure(
                        SignalReadError(.noData, "JSON pointer '\(description)': no member '\(token)' in \(here)"))
                }
                current = next
            case .array(let items):
                guard let index = JSONPointer.index(token), index < items.count else {
                    return .failure(
                        SignalReadError(
                            .noData,
                            "JSON pointer '\(description)': no element '\(token)' in \(here) (an array of \(items.count))"
                        ))
                }
                current = items[index]
            default:
                return .failure(
                    SignalReadError(
                        .noData,
                        "JSON pointer '\(description)': \(here) is \(current.typeDescription), not an object or array"))
            }
        }
        return .success(current)
    }

    /// An array index token: `0` or digits without a leading zero (RFC 6901 section 4).
    private static func index(_ token: String) -> Int? {
        guard !token.isEmpty, token.allSatisfy(\.isASCII), token.allSatisfy(\.isNumber) else { return nil }
        guard token == "0" || !token.hasPrefix("0") else { return nil }
        return Int(token)
    }
}

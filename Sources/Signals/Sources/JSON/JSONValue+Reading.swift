import Foundation

extension JSONValue {
    /// The value as a raw reading: numbers stay numbers, strings stay text (validated later); others fail.
    func reading(described place: String) -> Result<RawReading, SignalReadError> {
        switch self {
        case .number(let number): return .success(.number(number))
        case .string(let text): return .success(.text(text))
        case .bool(let flag): return .success(.text(String(flag)))
        case .null: return .failure(SignalReadError(.noData, "\(place) is null"))
        case .array, .object:
            return .failure(
                SignalReadError(
                    .malformed,
                    "\(place) is \(typeDescription), not a number or string: point at a single value"))
        }
    }
}

/// Reads the value an HTTP JSON endpoint returned at a JSON pointer (pure: body in, reading out).
public enum HTTPJSONResponse {
    /// Interprets an HTTP answer: HTML pages are bad samples, error statuses and non-JSON are read errors.
    public static func reading(status: Int, body: [UInt8], pointer: JSONPointer, url: String)
        -> Result<RawReading, SignalReadError>
    {
        let text = String(decoding: body.prefix(4096), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if TextSniffer.looksLikeHTML(text) {
            // An HTML page is a bad sample (counted as `html`), whatever the status said.
            return .success(.text(text))
        }
        guard (200..<300).contains(status) else {
            return .failure(SignalReadError(.peerError, "\(url) answered HTTP \(status): \(TextSniffer.excerpt(text))"))
        }
        guard let document = JSONValue.parse(body) else {
            if !text.isEmpty, NumberParser.parse(text) == nil {
                // Garbage where JSON was promised: let the validator reject it as text.
                return .success(.text(text))
            }
            return .failure(SignalReadError(.malformed, "\(url) did not return JSON: \(TextSniffer.excerpt(text))"))
        }
        return pointer.resolve(in: document).flatMap {
            $0.reading(described: "the value at '\(pointer)' in the answer of \(url)")
        }
    }
}

import Foundation
import Mustache

/// Where rendered text goes, which decides how values are escaped.
public enum RenderTarget: String, Sendable {
    /// Inside a JSON string literal: quotes, backslashes and control characters escaped.
    case json = "FOREWARN_JSON"
    /// A value of an `application/x-www-form-urlencoded` body or a query string: percent-encoded.
    case form = "FOREWARN_FORM"
    /// Plain text (an SMS): nothing escaped.
    case text = "TEXT"
}

/// A message with one Mustache template per locale, rendered with swift-mustache.
public struct LocalizedTemplate: Sendable {
    private let templates: [String: MustacheTemplate]
    /// The locale used when the recipient's is missing.
    public let fallbackLocale: String
    /// The escaping target.
    public let target: RenderTarget

    /// Parses every locale's template; throws naming the locale whose template is malformed.
    public init(sources: [String: String], fallbackLocale: String, target: RenderTarget) throws {
        ContentTypes.registerOnce
        guard sources[fallbackLocale] != nil else {
            throw DeliveryError("message has no '\(fallbackLocale)' text; add it or choose another fallback locale")
        }
        var parsed: [String: MustacheTemplate] = [:]
        for (locale, source) in sources {
            do {
                parsed[locale] = try MustacheTemplate(string: "{{% CONTENT_TYPE: \(target.rawValue)}}" + source)
            } catch {
                throw DeliveryError("message template for locale '\(locale)' does not parse: \(error)")
            }
        }
        templates = parsed
        self.fallbackLocale = fallbackLocale
        self.target = target
    }

    /// Renders for `locale` (`es-CL` falls back to `es`, then to the fallback locale).
    public func render(locale: String, values: [String: Any]) -> String {
        let language = String(locale.prefix { $0 != "-" && $0 != "_" })
        let template = templates[locale] ?? templates[language] ?? templates[fallbackLocale]!
        return template.render(values)
    }
}

/// Escapes a string for a JSON string literal (without the quotes).
func jsonEscaped(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}":
            out += String(format: "\\u%04X", scalar.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// Percent-encodes a string for a form body or query value (RFC 3986 unreserved kept, space as %20).
func formEscaped(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics.intersection(
        CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
}

enum ContentTypes {
    struct JSON: MustacheContentType { func escapeText(_ text: String) -> String { jsonEscaped(text) } }
    struct Form: MustacheContentType { func escapeText(_ text: String) -> String { formEscaped(text) } }
    /// Registers the JSON and form content types with swift-mustache, once per process.
    static let registerOnce: Void = {
        MustacheContentTypes.register(JSON(), named: RenderTarget.json.rawValue)
        MustacheContentTypes.register(Form(), named: RenderTarget.form.rawValue)
    }()
}

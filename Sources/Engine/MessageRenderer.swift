import Foundation
import Mustache

/// Renders message templates with swift-mustache, compiling each distinct text once.
struct MessageRenderer: @unchecked Sendable {
    private var cache: [String: MustacheTemplate] = [:]

    /// The rendered text; a template that does not parse (the loader rejects those) renders as its source.
    mutating func render(_ source: String, _ context: [String: Any]) -> String {
        if let template = cache[source] { return template.render(context) }
        // Plain text, not HTML: no escaping of & < > " ' in SMS and webhook texts.
        guard let template = try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + source) else { return source }
        cache[source] = template
        return template.render(context)
    }
}

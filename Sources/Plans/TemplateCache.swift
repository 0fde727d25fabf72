import Mustache

/// Parsed templates and sample contexts reused within one load: plans often share message texts.
final class TemplateCache {
    private var templates: [String: MustacheTemplate] = [:]
    private var contexts: [String: [String: Any]] = [:]

    /// The parsed template for `text`; throws Mustache's parser error.
    func template(for text: String) throws -> MustacheTemplate {
        if let template = templates[text] { return template }
        let template = try MustacheTemplate(string: text)
        templates[text] = template
        return template
    }

    /// The sample context of a plan in a locale, built once.
    func context(plan: String, locale: String, make: () -> [String: Any]) -> [String: Any] {
        let key = plan + "\u{0}" + locale
        if let context = contexts[key] { return context }
        let context = make()
        contexts[key] = context
        return context
    }
}

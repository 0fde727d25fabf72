import Mustache

/// Parsed templates, their variable names and sample contexts reused by one validator: plans often share
/// message texts.
final class TemplateCache {
    private var templates: [String: MustacheTemplate] = [:]
    private var contexts: [String: [String: Any]] = [:]
    private var variables: [String: [String]] = [:]

    /// The parsed template for `text`; throws Mustache's parser error.
    func template(for text: String) throws -> MustacheTemplate {
        if let template = templates[text] { return template }
        let template = try MustacheTemplate(string: text)
        templates[text] = template
        return template
    }

    /// The variable names `text` uses (`MessageTemplates.variableNames(in:)`), found once per text.
    func variableNames(in text: String) -> [String] {
        if let names = variables[text] { return names }
        let names = MessageTemplates.variableNames(in: text)
        variables[text] = names
        return names
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

import Foundation
import Mustache

/// Checks an action's message templates: every locale present, each parses and renders with sample data,
/// names only known variables, and (for SMS) how the rendered text measures on the air.
public struct MessageTemplates {
    let set: PlanSet
    let plan: Plan
    let action: Action
    let receiver: ReceiverDefinition?
    let audience: AudienceDefinition?
    let loader: PlanLoader
    let cache: TemplateCache
    private(set) var diagnostics: [Diagnostic] = []

    init(
        set: PlanSet, plan: Plan, action: Action, receiver: ReceiverDefinition?, audience: AudienceDefinition?,
        loader: PlanLoader, cache: TemplateCache
    ) {
        self.cache = cache
        (self.set, self.plan, self.action, self.receiver, self.audience, self.loader) = (
            set, plan, action, receiver, audience, loader
        )
    }

    /// The variables every message can use, besides the plan's and the policies' `vars`.
    public static let standardVariables = [
        "plan", "title", "onset", "onset_date", "onset_time", "end", "end_date", "end_time", "lead", "recipient",
        "hours", "drill", "late", "required_agents", "scheduled_agents", "staff_gap", "service_level", "volume",
        "expected_load", "capacity", "signal_value",
    ]

    /// Sample values used to render every template once in `check`.
    func sampleContext(locale: String) -> [String: Any] {
        var context: [String: Any] = [
            "plan": plan.id, "title": plan.title, "onset": "2026-11-30T09:00:00-03:00",
            "onset_date": locale == "es" ? "30-11-2026" : "2026-11-30", "onset_time": "09:00",
            "end": "2026-11-30T23:59:00-03:00", "end_date": locale == "es" ? "30-11-2026" : "2026-11-30",
            "end_time": "23:59", "lead": locale == "es" ? "3 días" : "3 days", "recipient": "Ana",
            "hours": locale == "es" ? "cerrado" : "closed", "drill": false, "late": false, "required_agents": 14,
            "scheduled_agents": 12, "staff_gap": 2, "service_level": "80% in 20s", "volume": 100,
            "expected_load": 4200, "capacity": 1200, "signal_value": 42,
        ]
        for (key, value) in set.policies.vars { context[key] = value }
        for (key, value) in plan.vars { context[key] = value }
        return context
    }

    mutating func validate(_ messages: Messages) {
        let kinds: [(String, [String: String]?)] = [
            ("main", messages.main), ("start", messages.start), ("end", messages.end), ("cancel", messages.cancel),
        ]
        let known = Set(Self.standardVariables).union(set.policies.vars.keys).union(plan.vars.keys)
        for (kind, texts) in kinds {
            guard let texts else { continue }
            let field = kind == "main" ? "message" : "\(kind)_message"
            let fieldLocation = messages.locations[kind] ?? action.location
            for locale in set.policies.locales where texts[locale] == nil {
                diagnostics.append(
                    Diagnostic(
                        .error, at: fieldLocation,
                        "'\(field)' has no '\(locale)' text: every message needs \(set.policies.locales.joined(separator: ", ")) (policies.locales)"
                    ))
            }
            for (locale, text) in texts.sorted(by: { $0.key < $1.key }) {
                let location = messages.locations["\(kind).\(locale)"] ?? fieldLocation
                if !set.policies.locales.contains(locale) {
                    diagnostics.append(
                        Diagnostic(
                            .warning, at: location,
                            "'\(field)' has a '\(locale)' text but '\(locale)' is not in policies.locales; it is never sent"
                        ))
                }
                check(text, field: field, locale: locale, at: location, known: known)
            }
        }
    }

    private mutating func check(
        _ text: String, field: String, locale: String, at location: SourceLocation, known: Set<String>
    ) {
        let template: MustacheTemplate
        do {
            template = try cache.template(for: text)
        } catch let error as MustacheTemplate.ParserError {
            diagnostics.append(
                Diagnostic(
                    .error, at: location,
                    "'\(field).\(locale)' is not a valid template: \(Self.explain(error.error)) (template line \(error.context.lineNumber), column \(error.context.columnNumber))"
                ))
            return
        } catch {
            diagnostics.append(
                Diagnostic(.error, at: location, "'\(field).\(locale)' is not a valid template: \(error)"))
            return
        }
        for name in cache.variableNames(in: text) where !known.contains(name) {
            diagnostics.append(
                Diagnostic(
                    .error, at: location,
                    "'\(field).\(locale)' uses unknown variable '\(name)'\(Suggestion.hint(for: name, among: known)); define it under vars or use one of the standard ones"
                ))
        }
        let rendered = template.render(cache.context(plan: plan.id, locale: locale) { sampleContext(locale: locale) })
        // Blank when every scalar is white space (what trimming would leave empty), without building the copy.
        if rendered.unicodeScalars.allSatisfy(\.isBlankOrNewline) {
            diagnostics.append(Diagnostic(.error, at: location, "'\(field).\(locale)' renders to an empty message"))
            return
        }
        guard let receiver, receiver.kind.isSMS, let measure = loader.measureSMS else { return }
        let transliterate = audience?.transliterate ?? false
        let result = measure(rendered, transliterate)
        let limit = audience?.maxSegments ?? 2
        let summary =
            "'\(field).\(locale)' as SMS: \(result.encoding), \(result.segments) segment\(result.segments == 1 ? "" : "s") with sample data"
        if result.segments > limit {
            diagnostics.append(
                Diagnostic(.warning, at: location, "\(summary), above the audience's max_segments \(limit)"))
        } else {
            diagnostics.append(Diagnostic(.note, at: location, summary))
        }
    }

    static func explain(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a section is closed with a different name than it was opened with"
        case .unfinishedName: "a tag is not closed with }}"
        case .expectedSectionEnd: "a section {{#name}} is opened but never closed with {{/name}}"
        case .invalidSetDelimiter: "the set-delimiter tag is malformed"
        default: "\(error)"
        }
    }

    /// Names used in `{{name}}`, `{{#name}}`, `{{^name}}` and `{{{name}}}` tags (first path component): what
    /// `\{\{\{?\s*[#^&]?\s*([A-Za-z_][A-Za-z0-9_]*)` captures, scanned directly so that loading plans pages in no
    /// regular-expression engine (`MessageTemplateTests` hold the scan to that pattern).
    static func variableNames(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        }
        func isNamePart(_ scalar: Unicode.Scalar) -> Bool { isNameStart(scalar) || ("0"..."9").contains(scalar) }
        func skipSpaces(_ index: inout Int) {
            while index < scalars.count, Character(scalars[index]).isWhitespace { index += 1 }
        }
        var names: [String] = []
        var index = 0
        while index + 1 < scalars.count {
            guard scalars[index] == "{", scalars[index + 1] == "{" else {
                index += 1
                continue
            }
            var cursor = index + 2
            if cursor < scalars.count, scalars[cursor] == "{" { cursor += 1 }
            skipSpaces(&cursor)
            if cursor < scalars.count, "#^&".unicodeScalars.contains(scalars[cursor]) { cursor += 1 }
            skipSpaces(&cursor)
            let start = cursor
            guard cursor < scalars.count, isNameStart(scalars[cursor]) else {
                index += 1
                continue
            }
            while cursor < scalars.count, isNamePart(scalars[cursor]) { cursor += 1 }
            names.append(String(String.UnicodeScalarView(scalars[start..<cursor])))
            index = cursor
        }
        return names
    }
}

import Yams

/// The strict decoding phase: walks a YAML node tree against a `Shape` and reports every unknown key
/// (with a "did you mean"), missing key, wrong type and malformed value at its file:line:col.
struct ShapeChecker {
    let file: SourceFile
    var sink: DiagnosticSink
    /// Nodes visited so far; a bound so no document, however nested, costs more than this.
    private var visited = 0
    static let maximumNodes = 200_000

    init(file: SourceFile, sink: DiagnosticSink) {
        self.file = file
        self.sink = sink
    }

    mutating func check(_ node: Node, against shape: Shape, path: String) {
        visited += 1
        guard visited <= Self.maximumNodes else {
            if visited == Self.maximumNodes + 1 {
                sink.error(
                    file.location(node),
                    "document expands to more than \(Self.maximumNodes) values (YAML aliases?); write it out plainly or split it into several files"
                )
            }
            return
        }
        if case .scalar(let scalar) = node, scalar.style == .plain,
            ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        {
            sink.error(file.location(node), "'\(path)' has no value: expected \(shape.expectation)")
            return
        }
        switch shape {
        case .either(let shapes):
            if let match = shapes.first(where: { kind(of: node) == $0.nodeKind }) {
                check(node, against: match, path: path)
            } else {
                typeMismatch(node, shape, path)
            }
        case .scalar(let format):
            guard let text = scalarText(node, shape, path) else { return }
            if let problem = format.problem(with: text) { sink.error(file.location(node), "'\(path)': \(problem)") }
        case .number(let minimum, let maximum):
            guard let text = scalarText(node, shape, path) else { return }
            guard let value = Double(text), value.isFinite else {
                sink.error(file.location(node), "'\(path)' must be a number, found '\(text)'")
                return
            }
            if let minimum, value < minimum {
                sink.error(file.location(node), "'\(path)' must be at least \(format(minimum)), found \(text)")
            }
            if let maximum, value > maximum {
                sink.error(file.location(node), "'\(path)' must be at most \(format(maximum)), found \(text)")
            }
        case .integer(let minimum, let maximum):
            guard let text = scalarText(node, shape, path) else { return }
            guard let value = Int(text) else {
                sink.error(file.location(node), "'\(path)' must be a whole number, found '\(text)'")
                return
            }
            if let minimum, value < minimum {
                sink.error(file.location(node), "'\(path)' must be at least \(minimum), found \(value)")
            }
            if let maximum, value > maximum {
                sink.error(file.location(node), "'\(path)' must be at most \(maximum), found \(value)")
            }
        case .boolean:
            guard let text = scalarText(node, shape, path) else { return }
            if text != "true" && text != "false" {
                sink.error(file.location(node), "'\(path)' must be true or false, found '\(text)'")
            }
        case .choice(let words):
            guard let text = scalarText(node, shape, path) else { return }
            if !words.contains(text) {
                sink.error(
                    file.location(node),
                    "'\(path)' must be \(shape.expectation), found '\(text)'\(Suggestion.hint(for: text, among: words))"
                )
            }
        case .list(let item, let minimumCount):
            guard case .sequence(let sequence) = node else { return typeMismatch(node, shape, path) }
            if sequence.count < minimumCount {
                sink.error(
                    file.location(node), "'\(path)' needs at least \(minimumCount) item\(minimumCount == 1 ? "" : "s")")
            }
            for (index, element) in sequence.enumerated() { check(element, against: item, path: "\(path)[\(index)]") }
        case .dictionary(let keyFormat, let value):
            guard case .mapping(let mapping) = node else { return typeMismatch(node, shape, path) }
            for (key, element) in mapping {
                guard let name = key.scalar?.string else {
                    sink.error(file.location(key), "keys of '\(path)' must be names")
                    continue
                }
                if let problem = keyFormat.problem(with: name) {
                    sink.error(file.location(key), "'\(path)': \(problem)")
                }
                check(element, against: value, path: path.isEmpty ? name : "\(path).\(name)")
            }
        case .object(let object):
            checkObject(node, object, shape, path)
        case .variants(let title, let objects):
            guard case .mapping(let mapping) = node else { return typeMismatch(node, shape, path) }
            let keys = Set(mapping.keys.compactMap { $0.scalar?.string })
            let found = objects.filter { !keys.isDisjoint(with: $0.discriminators) }
            let place = path.isEmpty ? "the document" : "'\(path)'"
            if found.count > 1 {
                let names = found.map { "'\($0.discriminators.first { keys.contains($0) } ?? "")'" }.joined(
                    separator: ", ")
                sink.error(
                    file.location(node), "\(place) may have only one of \(names): write each \(title) as its own item")
            } else if let object = found.first {
                checkObject(node, object, shape, path)
            } else {
                let all = objects.flatMap(\.discriminators)
                let names = all.map { "'\($0)'" }.joined(separator: ", ")
                let hint = keys.sorted().lazy.compactMap { Suggestion.closest(to: $0, among: all) }.first
                sink.error(
                    file.location(node),
                    "\(place) must be \(Shape.article(title)) \(title) with one of \(names)"
                        + (hint.map { " (did you mean '\($0)'?)" } ?? ""))
            }
        case .kinds(let title, let variants):
            guard case .mapping(let mapping) = node else { return typeMismatch(node, shape, path) }
            let place = path.isEmpty ? "the document" : "'\(path)'"
            let names = variants.map(\.kind)
            guard let kindNode = mapping.first(where: { $0.key.scalar?.string == "kind" })?.value,
                let kind = kindNode.scalar?.string
            else {
                sink.error(
                    file.location(node),
                    "\(place) is missing the required key 'kind' (one of \(names.joined(separator: ", ")))")
                return
            }
            guard let variant = variants.first(where: { $0.kind == kind }) else {
                sink.error(
                    file.location(kindNode),
                    "unknown \(title) kind '\(kind)' in \(place): expected one of \(names.joined(separator: ", "))\(Suggestion.hint(for: kind, among: names))"
                )
                return
            }
            checkObject(node, variant.shape, shape, path)
        case .secret:
            if case .scalar = node {
                sink.error(
                    file.location(node),
                    "'\(path)' must not hold a secret inline: write {credential: NAME} and provide NAME with systemd's LoadCredential= or the environment"
                )
                return
            }
            checkObject(node, credentialObject, shape, path)
        }
    }

    private mutating func checkObject(_ node: Node, _ object: ObjectShape, _ shape: Shape, _ path: String) {
        guard case .mapping(let mapping) = node else { return typeMismatch(node, shape, path) }
        var present: Set<String> = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                sink.error(file.location(key), "keys of \(path.isEmpty ? "the document" : "'\(path)'") must be names")
                continue
            }
            guard let field = object.field(named: name) else {
                let known = object.fields.map(\.name)
                let place = path.isEmpty ? "" : " in '\(path)'"
                sink.error(
                    file.location(key), "unknown key '\(name)'\(place)\(Suggestion.hint(for: name, among: known))")
                continue
            }
            present.insert(name)
            check(value, against: field.shape, path: path.isEmpty ? name : "\(path).\(name)")
        }
        let place = path.isEmpty ? "the document" : "'\(path)'"
        for field in object.fields where field.isRequired && !present.contains(field.name) {
            sink.error(file.location(node), "\(place) is missing the required key '\(field.name)'")
        }
        for group in object.exactlyOne {
            let found = group.filter(present.contains)
            if found.isEmpty {
                sink.error(
                    file.location(node), "\(place) needs one of " + group.map { "'\($0)'" }.joined(separator: ", "))
            } else if found.count > 1 {
                sink.error(
                    file.location(node),
                    "\(place) may have only one of " + found.map { "'\($0)'" }.joined(separator: ", "))
            }
        }
        for group in object.atMostOne {
            let found = group.filter(present.contains)
            if found.count > 1 {
                sink.error(
                    file.location(node),
                    "\(place) may have only one of " + found.map { "'\($0)'" }.joined(separator: ", "))
            }
        }
    }

    private var credentialObject: ObjectShape {
        ObjectShape(
            title: "credential reference", summary: "A secret looked up at run time.",
            fields: [
                .required(
                    "credential", .scalar(.credentialName),
                    "Credential name: $CREDENTIALS_DIRECTORY/NAME, else the environment."),
                .optional("prefix", .scalar(.text), "Text put before the secret, e.g. 'Bearer '."),
            ])
    }

    private mutating func scalarText(_ node: Node, _ shape: Shape, _ path: String) -> String? {
        guard case .scalar(let scalar) = node else {
            typeMismatch(node, shape, path)
            return nil
        }
        return scalar.string
    }

    private mutating func typeMismatch(_ node: Node, _ shape: Shape, _ path: String) {
        let place = path.isEmpty ? "the document" : "'\(path)'"
        sink.error(file.location(node), "\(place) must be \(shape.expectation), found \(kind(of: node).rawValue)")
    }

    private func kind(of node: Node) -> NodeKind {
        switch node {
        case .scalar, .alias: .scalar
        case .sequence: .sequence
        case .mapping: .mapping
        }
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

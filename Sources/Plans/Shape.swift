/// The shape of a YAML value in the plan language: one description drives the strict decoder's checks
/// (unknown keys, types, required keys) and the JSON Schema that `forewarn schema` prints.
indirect enum Shape {
    /// A scalar written as text, checked by a format.
    case scalar(ScalarFormat)
    /// A number within optional bounds.
    case number(minimum: Double? = nil, maximum: Double? = nil)
    /// A whole number within optional bounds.
    case integer(minimum: Int? = nil, maximum: Int? = nil)
    /// `true` or `false`.
    case boolean
    /// One of the listed words.
    case choice([String])
    /// A sequence of items.
    case list(Shape, minimumCount: Int = 0)
    /// A mapping with free keys (names) and values of one shape.
    case dictionary(key: ScalarFormat, value: Shape)
    /// A mapping with known keys.
    case object(ObjectShape)
    /// One of several shapes, told apart by the node's kind (scalar, sequence or mapping).
    case either([Shape])
    /// A mapping that is one of several objects, told apart by which key is present (the first field of each).
    case variants(title: String, [ObjectShape])
    /// A mapping that is one of several objects, told apart by the value of its `kind` key.
    case kinds(title: String, [(kind: String, shape: ObjectShape)])
    /// A reference to a secret, `{credential: NAME}`; secrets are never written inline.
    case secret

    /// What kind of YAML node this shape expects, for messages and for `either`.
    var nodeKind: NodeKind {
        switch self {
        case .scalar, .number, .integer, .boolean, .choice: .scalar
        case .list: .sequence
        case .dictionary, .object, .variants, .kinds, .secret: .mapping
        case .either(let shapes): shapes.first?.nodeKind ?? .scalar
        }
    }

    /// "a" or "an" for `word`.
    static func article(_ word: String) -> String {
        "aeiou".contains(word.first ?? "x") ? "an" : "a"
    }

    /// A phrase naming what is expected, e.g. "a duration (e.g. 15m)".
    var expectation: String {
        switch self {
        case .scalar(let format): format.expectation
        case .number: "a number"
        case .integer: "a whole number"
        case .boolean: "true or false"
        case .choice(let words): "one of " + words.map { "'\($0)'" }.joined(separator: ", ")
        case .list(let item, _): "a list of \(item.expectation)"
        case .dictionary: "a mapping of names to definitions"
        case .object(let object): "\(Shape.article(object.title)) \(object.title) mapping"
        case .either(let shapes): shapes.map(\.expectation).joined(separator: " or ")
        case .variants(let title, _), .kinds(let title, _): "\(Shape.article(title)) \(title) mapping"
        case .secret: "a credential reference {credential: NAME}"
        }
    }
}

/// The three kinds of YAML node.
enum NodeKind: String {
    case scalar = "a single value"
    case sequence = "a list"
    case mapping = "a mapping"
}

/// A mapping with known keys, some required, with groups of keys that exclude each other.
struct ObjectShape {
    /// A short name for messages, e.g. "notify action".
    var title: String
    /// One line for the JSON Schema description.
    var summary: String
    /// The keys this mapping may hold.
    var fields: [Field]
    /// Groups of keys of which exactly one must be present (e.g. a trigger is an event, a forecast, ...).
    var exactlyOne: [[String]] = []
    /// Groups of keys of which at most one may be present (e.g. above / below).
    var atMostOne: [[String]] = []

    func field(named name: String) -> Field? { fields.first { $0.name == name } }

    /// Keys any of which selects this object among variants (default: its first field).
    var selectors: [String]? = nil

    /// The keys that tell this variant apart.
    var discriminators: [String] { selectors ?? [fields.first?.name ?? ""] }
}

/// One key of a mapping.
struct Field {
    var name: String
    var shape: Shape
    var isRequired: Bool = false
    /// One line for the JSON Schema description.
    var summary: String

    static func required(_ name: String, _ shape: Shape, _ summary: String) -> Field {
        Field(name: name, shape: shape, isRequired: true, summary: summary)
    }

    static func optional(_ name: String, _ shape: Shape, _ summary: String) -> Field {
        Field(name: name, shape: shape, isRequired: false, summary: summary)
    }
}

import Foundation

/// The JSON Schema (draft 2020-12) of plan-directory files, generated from the same shapes the loader checks.
public enum PlanSchema {
    /// The schema as pretty-printed JSON with sorted keys.
    public static func json() -> String {
        var root = schema(for: PlanLanguage.file)
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["$id"] = "https://forewarn.dev/schemas/plan-file.json"
        root["title"] = "forewarn plan directory file"
        root["description"] =
            "A plan (one contingency, with 'plan:') or a definitions file (signals, receivers, audiences, calendars, policies)."
        let data = try! JSONSerialization.data(
            withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func schema(for shape: Shape) -> [String: Any] {
        switch shape {
        case .scalar(let format):
            var result: [String: Any] = ["type": "string", "description": format.expectation]
            if let pattern = format.pattern { result["pattern"] = pattern }
            if case .text = format { result["minLength"] = 1 }
            return result
        case .number(let minimum, let maximum):
            var result: [String: Any] = ["type": "number"]
            if let minimum { result["minimum"] = minimum }
            if let maximum { result["maximum"] = maximum }
            return result
        case .integer(let minimum, let maximum):
            var result: [String: Any] = ["type": "integer"]
            if let minimum { result["minimum"] = minimum }
            if let maximum { result["maximum"] = maximum }
            return result
        case .boolean:
            return ["type": "boolean"]
        case .choice(let words):
            return ["enum": words]
        case .list(let item, let minimumCount):
            var result: [String: Any] = ["type": "array", "items": schema(for: item)]
            if minimumCount > 0 { result["minItems"] = minimumCount }
            return result
        case .dictionary(let key, let value):
            var names: [String: Any] = ["type": "string"]
            if let pattern = key.pattern { names["pattern"] = pattern }
            return ["type": "object", "propertyNames": names, "additionalProperties": schema(for: value)]
        case .object(let object):
            return schema(for: object)
        case .either(let shapes):
            return ["oneOf": shapes.map(schema(for:))]
        case .variants(let title, let objects):
            return ["description": title, "oneOf": objects.map(schema(for:))]
        case .kinds(let title, let variants):
            return ["description": title, "oneOf": variants.map { schema(for: $0.shape) }]
        case .secret:
            return [
                "type": "object", "description": "A secret looked up at run time, never written inline.",
                "properties": [
                    "credential": ["type": "string", "pattern": ScalarFormat.credentialName.pattern!],
                    "prefix": ["type": "string"],
                ],
                "required": ["credential"], "additionalProperties": false,
            ]
        }
    }

    static func schema(for object: ObjectShape) -> [String: Any] {
        var properties: [String: Any] = [:]
        for field in object.fields {
            var property = schema(for: field.shape)
            property["description"] = field.summary
            properties[field.name] = property
        }
        var result: [String: Any] = [
            "type": "object", "title": object.title, "description": object.summary, "properties": properties,
            "additionalProperties": false,
        ]
        let required = object.fields.filter(\.isRequired).map(\.name)
        if !required.isEmpty { result["required"] = required }
        var constraints: [[String: Any]] = []
        for group in object.exactlyOne {
            constraints.append(["oneOf": group.map { ["required": [$0]] }])
        }
        for group in object.atMostOne {
            constraints.append(["not": ["required": group]])
        }
        if !constraints.isEmpty { result["allOf"] = constraints }
        return result
    }
}

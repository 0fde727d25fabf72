import Foundation
import Yams

/// Typed reads of a mapping that has already passed the shape check (so values parse; defaults fill gaps).
struct NodeReader {
    let node: Node
    let file: SourceFile

    var location: SourceLocation { file.location(node) }

    /// The value under `key`, compared as plain text (Yams' own lookup compares resolved tags, which is slow).
    subscript(key: String) -> NodeReader? {
        guard case .mapping(let mapping) = node else { return nil }
        for (keyNode, value) in mapping where keyNode.scalar?.string == key {
            return NodeReader(node: value, file: file)
        }
        return nil
    }

    func location(of key: String) -> SourceLocation {
        if let mapping = node.mapping, let keyNode = mapping.keys.first(where: { $0.scalar?.string == key }) {
            return file.location(keyNode)
        }
        return location
    }

    var string: String? { node.scalar?.string }
    var double: Double? { string.flatMap(Double.init) }
    var int: Int? { string.flatMap { Int($0) } }
    var bool: Bool? { string.map { $0 == "true" } }
    var duration: PlanDuration? { string.flatMap { try? PlanDuration.parse($0) } }
    var list: [NodeReader] { node.sequence.map { $0.map { NodeReader(node: $0, file: file) } } ?? [] }

    /// Key-value pairs of a mapping, in file order.
    var entries: [(key: String, keyLocation: SourceLocation, value: NodeReader)] {
        guard let mapping = node.mapping else { return [] }
        return mapping.compactMap { key, value in
            key.scalar.map { ($0.string, file.location(key), NodeReader(node: value, file: file)) }
        }
    }

    var stringDictionary: [String: String] {
        Dictionary(
            entries.compactMap { entry in entry.value.string.map { (entry.key, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    func string(_ key: String) -> String? { self[key]?.string }
    func double(_ key: String) -> Double? { self[key]?.double }
    func int(_ key: String) -> Int? { self[key]?.int }
    func bool(_ key: String) -> Bool? { self[key]?.bool }
    func duration(_ key: String) -> PlanDuration? { self[key]?.duration }
    func has(_ key: String) -> Bool { self[key] != nil }

    var credential: CredentialReference? {
        guard let name = string("credential") else { return nil }
        return CredentialReference(name: name, prefix: string("prefix") ?? "", location: location)
    }

    var headers: [String: HeaderValue] {
        var result: [String: HeaderValue] = [:]
        for entry in entries {
            if let text = entry.value.string {
                result[entry.key] = .text(text)
            } else if let credential = entry.value.credential {
                result[entry.key] = .credential(credential)
            }
        }
        return result
    }

    var threshold: Threshold? {
        if let above = double("above") { return .above(above) }
        if let below = double("below") { return .below(below) }
        return nil
    }
}

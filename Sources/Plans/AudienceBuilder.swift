import CSV
import Foundation
import Yams

/// Builds audiences, reading recipient lists inline or from CSV and YAML files with per-row diagnostics.
extension DefinitionsBuilder {
    static let recipientColumns = ["id", "name", "phone", "address", "locale", "timezone", "consent"]
    static let maximumRecipientFileSize = 64 << 20

    mutating func audience(name: String, _ reader: NodeReader, policies: Policies) -> AudienceDefinition {
        let kind = AudienceDefinition.Kind(rawValue: reader.string("kind") ?? "customers") ?? .customers
        let locale = reader.string("locale") ?? policies.defaultLocale
        let zone = reader.string("timezone")
        var rows: [RecipientRow] = []
        if let path = reader["recipients"]?.string {
            rows = readRecipientFile(path, at: reader["recipients"]!.location)
        } else {
            rows = (reader["recipients"]?.list ?? []).map { item in
                RecipientRow(
                    fields: item.stringDictionary, location: item.location,
                    fieldLocations: Dictionary(
                        item.entries.map { ($0.key, $0.value.location) }, uniquingKeysWith: { a, _ in a }))
            }
        }
        var seen: [String: SourceLocation] = [:]
        var recipients: [Recipient] = []
        for row in rows {
            guard let recipient = validate(row, kind: kind, locale: locale, zone: zone) else { continue }
            if let first = seen[recipient.id] {
                sink.error(
                    row.location, "duplicate recipient id '\(recipient.id)' in audience '\(name)' (first at \(first))")
                continue
            }
            seen[recipient.id] = row.location
            recipients.append(recipient)
        }
        return AudienceDefinition(
            name: name, kind: kind, recipients: recipients,
            quietHours: reader.string("quiet_hours").flatMap(ClockRange.init) ?? policies.quietHours,
            frequencyCap: reader.string("frequency_cap").flatMap { try? FrequencyCap.parse($0) }
                ?? policies.frequencyCap,
            transliterate: reader.bool("transliterate") ?? false, maxSegments: reader.int("max_segments") ?? 2,
            location: reader.location)
    }

    struct RecipientRow {
        var fields: [String: String]
        var location: SourceLocation
        var fieldLocations: [String: SourceLocation] = [:]
    }

    private mutating func validate(_ row: RecipientRow, kind: AudienceDefinition.Kind, locale: String, zone: String?)
        -> Recipient?
    {
        let before = sink.diagnostics.count
        func at(_ key: String) -> SourceLocation { row.fieldLocations[key] ?? row.location }
        func check(_ key: String, _ format: ScalarFormat) {
            if let value = row.fields[key], !value.isEmpty, let problem = format.problem(with: value) {
                sink.error(at(key), "recipient '\(key)': \(problem)")
            }
        }
        guard let id = row.fields["id"], !id.isEmpty else {
            sink.error(row.location, "recipient has no 'id': every recipient needs a unique id")
            return nil
        }
        check("id", .identifier)
        check("phone", .phone)
        check("locale", .locale)
        check("timezone", .timeZone)
        var consent = kind == .staff
        if let text = row.fields["consent"]?.lowercased(), !text.isEmpty {
            switch text {
            case "true", "yes", "1": consent = true
            case "false", "no", "0": consent = false
            default: sink.error(at("consent"), "recipient 'consent' must be true or false, found '\(text)'")
            }
        }
        guard sink.diagnostics.count == before else { return nil }
        func value(_ key: String) -> String? { row.fields[key].flatMap { $0.isEmpty ? nil : $0 } }
        return Recipient(
            id: id, name: value("name"), phone: value("phone"), address: value("address"),
            locale: value("locale") ?? locale, timeZone: value("timezone") ?? zone, hasConsent: consent,
            location: row.location)
    }

    private mutating func readRecipientFile(_ path: String, at location: SourceLocation) -> [RecipientRow] {
        let url = resolve(path)
        let shown = display(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            sink.error(location, "recipients file '\(path)' not found (looked for \(shown))")
            return []
        }
        guard data.count <= Self.maximumRecipientFileSize else {
            sink.error(location, "recipients file '\(path)' is above \(Self.maximumRecipientFileSize) bytes")
            return []
        }
        guard let text = String(data: data, encoding: .utf8) else {
            sink.error(location, "recipients file '\(path)' is not valid UTF-8; save it as UTF-8")
            return []
        }
        if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
            return readRecipientYAML(text, shown: shown, location: location)
        }
        guard path.hasSuffix(".csv") else {
            sink.error(location, "recipients file '\(path)' must end in .csv, .yaml or .yml")
            return []
        }
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true)
            let header = reader.headerRow ?? []
            for (index, column) in header.enumerated() where !Self.recipientColumns.contains(column) {
                sink.error(
                    SourceLocation(file: shown, line: 1, column: index + 1),
                    "unknown column '\(column)'\(Suggestion.hint(for: column, among: Self.recipientColumns)); columns are \(Self.recipientColumns.joined(separator: ", "))"
                )
            }
            guard header.contains("id") else {
                sink.error(SourceLocation(file: shown, line: 1, column: 1), "the header row has no 'id' column")
                return []
            }
            var rows: [RecipientRow] = []
            var line = 1
            while let fields = reader.next() {
                line += 1
                if fields.allSatisfy(\.isEmpty) { continue }
                var values: [String: String] = [:]
                for (column, value) in zip(header, fields) { values[column] = value }
                if fields.count != header.count {
                    sink.error(
                        SourceLocation(file: shown, line: line, column: 1),
                        "row has \(fields.count) fields but the header has \(header.count)")
                    continue
                }
                rows.append(RecipientRow(fields: values, location: SourceLocation(file: shown, line: line, column: 1)))
            }
            if let error = reader.error {
                sink.error(SourceLocation(file: shown, line: line + 1, column: 1), "malformed CSV: \(error)")
            }
            return rows
        } catch {
            sink.error(SourceLocation(file: shown, line: 1, column: 1), "malformed CSV: \(error)")
            return []
        }
    }

    private mutating func readRecipientYAML(_ text: String, shown: String, location: SourceLocation) -> [RecipientRow] {
        var fileSink = DiagnosticSink()
        let file: SourceFile
        do {
            file = SourceFile(displayPath: shown, root: try Yams.compose(yaml: text))
        } catch {
            sink.error(SourceLocation(file: shown, line: 1, column: 1), "malformed YAML: \(error)")
            return []
        }
        guard let root = file.root else {
            sink.error(SourceLocation(file: shown, line: 1, column: 1), "recipients file is empty")
            return []
        }
        var checker = ShapeChecker(file: file, sink: fileSink)
        checker.check(root, against: .list(.object(PlanLanguage.recipient), minimumCount: 1), path: "recipients")
        fileSink = checker.sink
        sink.append(contentsOf: fileSink.diagnostics)
        guard !fileSink.diagnostics.hasErrors else { return [] }
        return NodeReader(node: root, file: file).list.map { item in
            RecipientRow(
                fields: item.stringDictionary, location: item.location,
                fieldLocations: Dictionary(
                    item.entries.map { ($0.key, $0.value.location) }, uniquingKeysWith: { a, _ in a }))
        }
    }
}

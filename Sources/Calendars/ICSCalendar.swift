import CICal
import Foundation

/// The text of an iCalendar (.ics) file, expanded through libical.
public struct ICSCalendar: Hashable, Sendable {
    /// The file path (or another name) used in messages.
    public let source: String
    /// The iCalendar text.
    public let text: String

    /// A calendar from text already in memory; a leading byte-order mark is dropped.
    public init(text: String, source: String) {
        self.text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        self.source = source
    }

    /// Reads a calendar file; throws `CalendarError` (kind `.unreadableFile`) when it is missing or not UTF-8.
    public static func load(path: String) throws -> ICSCalendar {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw CalendarError(
                .unreadableFile, "calendar file \(reason); check the path and permissions", source: path)
        }
        guard let text = String(data: data, encoding: .utf8) ?? unfoldedUTF8(data) else {
            throw CalendarError(.unreadableFile, "calendar file is not UTF-8 text", source: path)
        }
        return ICSCalendar(text: text, source: path)
    }

    /// The zone the file declares for itself (`X-WR-TIMEZONE`), if any.
    public var declaredTimeZone: String? {
        ICSLines(text: text).lines.first { $0.name == "X-WR-TIMEZONE" }?.value?
            .trimmingCharacters(in: .whitespaces)
    }

    /// Occurrences touching `[from, to)`, sorted by start; floating times are read in `floatingZone`.
    /// Throws `.limitExceeded` as soon as there are more than `limit`.
    public func occurrences(
        from: Date, to: Date, floatingZone: ZoneRules, limit: Int = EventCalendar.maximumOccurrences
    ) throws -> [CalendarOccurrence] {
        try LibICal.withLock {
            let document = try ICSDocument(text: text, source: source)
            if let first = document.parseErrors().first { throw first }
            let events = try events(in: document, floatingZone: floatingZone)
            var replaced: [String: Set<Date>] = [:]
            for (event, _) in events {
                if let uid = event.uid, let instance = event.recurrenceID {
                    replaced[uid, default: []].insert(instance.instant)
                }
            }
            var result: [CalendarOccurrence] = []
            for (event, line) in events where !event.isCancelled {
                let taken = event.recurrenceID == nil ? event.uid.flatMap { replaced[$0] } ?? [] : []
                do {
                    result += try event.occurrences(from: from, to: to, replaced: taken)
                } catch let error as CalendarError {
                    throw CalendarError(error.kind, error.message, source: source, line: document.ruleLine(after: line))
                }
                guard result.count <= limit else {
                    throw CalendarError(
                        .limitExceeded, "more than \(limit) occurrences in the window; narrow the window",
                        source: source)
                }
            }
            return result.sorted(by: CalendarOccurrence.ordered)
        }
    }

    func events(in document: ICSDocument, floatingZone: ZoneRules) throws -> [(ICSEvent, Int?)] {
        let beginLines = document.lines.lines.filter { $0.text.uppercased() == "BEGIN:VEVENT" }.map(\.number)
        return try document.events().enumerated().map { index, event in
            let line = index < beginLines.count ? beginLines[index] : nil
            return (try ICSEvent(event, document: document, floatingZone: floatingZone), line)
        }
    }
}

extension ICSDocument {
    /// The line of the first RRULE after a VEVENT's BEGIN line, else that BEGIN line.
    func ruleLine(after begin: Int?) -> Int? {
        guard let begin else { return nil }
        return lines.lines.first { $0.number > begin && ($0.name == "RRULE" || $0.name == "END") }
            .flatMap { $0.name == "RRULE" ? $0.number : nil } ?? begin
    }
}

/// Text whose folding split a multi-byte character (RFC 5545 folds at octets): unfolds the bytes, then decodes.
/// Line numbers in messages then count unfolded lines.
private func unfoldedUTF8(_ data: Data) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(data.count)
    var index = data.startIndex
    while index < data.endIndex {
        let isCRLF = data[index] == 0x0D && index + 1 < data.endIndex && data[index + 1] == 0x0A
        let breakLength = isCRLF ? 2 : (data[index] == 0x0A ? 1 : 0)
        let next = index + breakLength
        if breakLength > 0, next < data.endIndex, data[next] == 0x20 || data[next] == 0x09 {
            index = next + 1
        } else {
            bytes.append(data[index])
            index += 1
        }
    }
    return String(validating: bytes, as: UTF8.self)
}

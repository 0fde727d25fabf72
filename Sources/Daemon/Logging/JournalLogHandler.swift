import CSystemd
import Foundation
import Logging

/// A swift-log handler writing to the journal with `sd_journal_sendv`: MESSAGE, PRIORITY, SYSLOG_IDENTIFIER,
/// CODE_*, and PLAN_ID, NOTICE_ID, RECEIVER (and other metadata, upper-cased) as fields; values are masked.
public struct JournalLogHandler: LogHandler {
    /// The handler's metadata.
    public var metadata: Logger.Metadata = [:]
    /// The lowest level logged.
    public var logLevel: Logger.Level = .info
    private let label: String
    private let identifier: String

    /// Creates a handler for `label`, logging as `identifier` (SYSLOG_IDENTIFIER).
    public init(label: String, identifier: String = "forewarn") {
        self.label = label
        self.identifier = identifier
    }

    /// Metadata by key.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Sends one entry.
    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let fields = Self.fields(
            message: "\(event.message)", level: event.level, identifier: identifier, label: label, metadata: merged,
            file: event.file, line: event.line, function: event.function)
        Self.send(fields)
    }

    /// The journal fields of one entry (pure, for tests).
    static func fields(
        message: String, level: Logger.Level, identifier: String, label: String, metadata: Logger.Metadata,
        file: String, line: UInt, function: String
    ) -> [String] {
        var fields = [
            "MESSAGE=\(LogRedaction.message(message))", "PRIORITY=\(level.syslogPriority)",
            "SYSLOG_IDENTIFIER=\(identifier)", "LOGGER=\(label)", "CODE_FILE=\(file)", "CODE_LINE=\(line)",
            "CODE_FUNC=\(function)",
        ]
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            let name = fieldName(key)
            guard !name.isEmpty, !["MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER"].contains(name) else { continue }
            fields.append("\(name)=\(LogRedaction.value("\(value)", forKey: key))")
        }
        return fields
    }

    /// A journal field name for a metadata key: `plan_id`/`planID` → `PLAN_ID`; only A–Z, 0–9, `_`.
    static func fieldName(_ key: String) -> String {
        var name = ""
        var previous: Character?
        for character in key {
            if character.isUppercase, let previous, previous.isLowercase || previous.isNumber { name.append("_") }
            let isAllowed = character.isASCII && (character.isLetter || character.isNumber)
            name.append(contentsOf: isAllowed ? character.uppercased() : "_")
            previous = character
        }
        while name.first == "_" || name.first?.isNumber == true { name.removeFirst() }
        return String(name.prefix(64))
    }

    /// Passes `fields` to `sd_journal_sendv` as one iovec each (values may contain newlines).
    static func send(_ fields: [String]) {
        let buffers = fields.map { Array($0.utf8) }
        let pointers = buffers.map { bytes -> UnsafeMutableRawPointer in
            let pointer = UnsafeMutableRawPointer.allocate(byteCount: max(1, bytes.count), alignment: 1)
            bytes.withUnsafeBytes { pointer.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
            return pointer
        }
        defer { pointers.forEach { $0.deallocate() } }
        var vectors = zip(pointers, buffers).map { iovec(iov_base: $0, iov_len: $1.count) }
        _ = sd_journal_sendv(&vectors, Int32(vectors.count))
    }
}

extension Logger.Level {
    /// The syslog priority (0 emerg … 7 debug).
    var syslogPriority: Int {
        switch self {
        case .trace, .debug: return 7
        case .info: return 6
        case .notice: return 5
        case .warning: return 4
        case .error: return 3
        case .critical: return 2
        }
    }
}

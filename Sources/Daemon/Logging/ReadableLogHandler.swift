import CivilDay
import Foundation
import Logging

/// A swift-log handler writing readable, masked lines to stderr: `2026-11-23T05:00:00Z warning forewarn: … plan_id=x`.
public struct ReadableLogHandler: LogHandler {
    /// The handler's metadata.
    public var metadata: Logger.Metadata = [:]
    /// The lowest level logged.
    public var logLevel: Logger.Level = .info
    private let label: String

    /// Creates a handler for `label`.
    public init(label: String) { self.label = label }

    /// Metadata by key.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line.
    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let line = Self.line(
            message: "\(event.message)", level: event.level, label: label, metadata: merged, at: Date())
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// One masked line (pure, for tests).
    static func line(message: String, level: Logger.Level, label: String, metadata: Logger.Metadata, at now: Date)
        -> String
    {
        let time = CivilDay.iso8601(now)
        let extra = metadata.sorted { $0.key < $1.key }.map {
            "\($0.key)=\(LogRedaction.value("\($0.value)", forKey: $0.key))"
        }
        let text = LogRedaction.singleLine(LogRedaction.message(message))
        return ([time, "\(level)", "\(label):", text] + extra).joined(separator: " ")
    }
}

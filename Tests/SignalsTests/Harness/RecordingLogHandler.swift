import Foundation
import Logging

/// An in-memory swift-log handler: tests read what was logged without bootstrapping the logging system.
final class LogRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(level: Logger.Level, message: String)] = []

    /// A logger writing into this recorder.
    func makeLogger() -> Logger {
        Logger(label: "test") { _ in RecordingLogHandler(recorder: self) }
    }

    /// Everything logged so far.
    var messages: [(level: Logger.Level, message: String)] { lock.withLock { entries } }

    func append(_ level: Logger.Level, _ message: String) {
        lock.withLock { entries.append((level, message)) }
    }
}

/// The handler behind `LogRecorder.makeLogger()`.
struct RecordingLogHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        recorder.append(event.level, event.message.description)
    }
}

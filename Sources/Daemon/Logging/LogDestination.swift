import Foundation

/// Where logs go: the journal's native protocol when stderr is the journal stream, readable stderr lines otherwise.
public enum LogDestination: Sendable, Equatable {
    /// `sd_journal_sendv` with structured fields.
    case journal
    /// Readable lines on stderr.
    case standardError

    /// Picks the destination: `journal` only when `$JOURNAL_STREAM` (`DEVICE:INODE`) names stderr's own file.
    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> LogDestination {
        guard let stream = environment["JOURNAL_STREAM"] else { return .standardError }
        var info = stat()
        guard fstat(STDERR_FILENO, &info) == 0 else { return .standardError }
        return matches(stream, device: UInt64(info.st_dev), inode: UInt64(info.st_ino)) ? .journal : .standardError
    }

    /// Whether `JOURNAL_STREAM`'s value names the file with `device` and `inode` (pure, for tests).
    public static func matches(_ stream: String, device: UInt64, inode: UInt64) -> Bool {
        let parts = stream.split(separator: ":")
        guard parts.count == 2, let streamDevice = UInt64(parts[0]), let streamInode = UInt64(parts[1]) else {
            return false
        }
        return streamDevice == device && streamInode == inode
    }
}

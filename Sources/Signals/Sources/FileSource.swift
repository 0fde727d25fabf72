import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a file: its first line (a number, or state flags), at most 64 KiB of it.
public struct FileSource: SignalSource {
    /// The settings.
    public let config: FileSourceConfig
    private static let readLimit = 65_536

    /// Creates a file source.
    public init(config: FileSourceConfig) {
        self.config = config
    }

    /// Reads the first line of the file.
    public func read(timeout: Duration) async -> Result<RawReading, SignalReadError> {
        let path = config.path
        return await BlockingIO.run { FileSource.readFirstLine(path: path) }
    }

    /// The first non-empty line of the file at `path`, read with a bounded buffer.
    static func readFirstLine(path: String) -> Result<RawReading, SignalReadError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(SignalReadError(.local, "file '\(path)' does not exist; check the path or the writer"))
        }
        if isDirectory.boolValue {
            return .failure(SignalReadError(.local, "'\(path)' is a directory, not a file"))
        }
        // A FIFO or device could block the read forever: only regular files are read.
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return .failure(SignalReadError(.local, "'\(path)' is not a regular file (a pipe or device could block)"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(SignalReadError(.local, "file '\(path)' cannot be opened (check its permissions)"))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: readLimit) ?? Data()
        } catch {
            return .failure(SignalReadError(.local, "file '\(path)' cannot be read: \(error.localizedDescription)"))
        }
        return .success(.text(firstLine(of: data)))
    }

    /// The first line of `data` that is not blank (the whole text when it has one line).
    static func firstLine(of data: Data) -> String {
        let text = String(decoding: data, as: UTF8.self)
        if TextSniffer.looksLikeHTML(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return text }
        let line = text.split(whereSeparator: \.isNewline).first {
            !$0.trimmingCharacters(in: .whitespaces).isEmpty
        }
        return line.map(String.init) ?? ""
    }
}

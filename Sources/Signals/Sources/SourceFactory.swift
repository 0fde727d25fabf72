/// Builds the source that reads a definition's values.
public enum SourceFactory {
    /// The source for `config`, or nil for push signals (nothing to poll).
    public static func makeSource(for config: SourceConfig) -> (any SignalSource)? {
        switch config {
        case .nut(let nut): return NUTSource(config: nut)
        case .file(let file): return FileSource(config: file)
        case .command(let command): return CommandSource(config: command)
        case .prometheus, .httpJSON: return UnavailableSource(kind: config.kindName)
        case .push: return nil
        }
    }
}

/// A source whose transport is not built yet: every read fails with a clear message.
struct UnavailableSource: SignalSource {
    let kind: String

    func read(timeout: Duration) async -> Result<RawReading, SignalReadError> {
        .failure(SignalReadError(.local, "\(kind) sources need the HTTP transport, which this build lacks"))
    }
}

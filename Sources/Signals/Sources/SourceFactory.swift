import HTTPTransport

/// Builds the source that reads a signal's values; HTTP sources share one libcurl transport.
public struct SourceFactory: Sendable {
    /// The transport of Prometheus and HTTP JSON sources (one per daemon).
    public let transport: HTTPTransport
    /// Where header credentials are read from.
    public let credentials: CredentialReader

    /// Creates a factory whose HTTP sources send through `transport`.
    public init(transport: HTTPTransport, credentials: CredentialReader = CredentialReader()) {
        self.transport = transport
        self.credentials = credentials
    }

    /// The source for `config`, or nil for push signals (nothing to poll).
    public func makeSource(for config: SourceConfig) -> (any SignalSource)? {
        switch config {
        case .prometheus(let settings):
            return PrometheusSource(config: settings, transport: transport, credentials: credentials)
        case .httpJSON(let settings):
            return HTTPJSONSource(config: settings, transport: transport, credentials: credentials)
        case .nut(let settings): return NUTSource(config: settings)
        case .file(let settings): return FileSource(config: settings)
        case .command(let settings): return CommandSource(config: settings)
        case .push: return nil
        }
    }
}

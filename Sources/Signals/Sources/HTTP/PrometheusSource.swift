import Foundation
import HTTPTransport

/// An instant PromQL query over Prometheus' HTTP API (`GET /api/v1/query`), through libcurl.
public struct PrometheusSource: SignalSource {
    /// The settings.
    public let config: PrometheusSourceConfig
    private let transport: HTTPTransport
    private let credentials: CredentialReader

    /// Creates a Prometheus source sending through `transport`.
    public init(
        config: PrometheusSourceConfig, transport: HTTPTransport, credentials: CredentialReader = CredentialReader()
    ) {
        self.config = config
        self.transport = transport
        self.credentials = credentials
    }

    /// The query URL: the base URL, `/api/v1/query`, and the percent-encoded expression.
    public var queryURL: String {
        var base = config.baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/api/v1/query?query=" + HTTPTransport.percentEncoded(config.query)
    }

    /// Runs the query once.
    public func read(timeout: Duration) async -> Result<RawReading, SignalReadError> {
        let url = queryURL
        switch HTTPSourceSupport.headers(config.headers, credentials: credentials) {
        case .failure(let error): return .failure(error)
        case .success(let headers):
            let answer = await HTTPSourceSupport.get(url, headers: headers, timeout: timeout, transport: transport)
            return answer.flatMap { PrometheusResponse.reading(status: $0.status, body: $0.body, query: config.query) }
        }
    }
}

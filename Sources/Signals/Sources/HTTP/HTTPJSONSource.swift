import Foundation
import HTTPTransport

/// GETs a JSON document and reads the value at an RFC 6901 pointer, through libcurl.
public struct HTTPJSONSource: SignalSource {
    /// The settings.
    public let config: HTTPJSONSourceConfig
    private let transport: HTTPTransport
    private let credentials: CredentialReader

    /// Creates an HTTP JSON source sending through `transport`.
    public init(
        config: HTTPJSONSourceConfig, transport: HTTPTransport, credentials: CredentialReader = CredentialReader()
    ) {
        self.config = config
        self.transport = transport
        self.credentials = credentials
    }

    /// Fetches the document once and resolves the pointer.
    public func read(timeout: Duration) async -> Result<RawReading, SignalReadError> {
        let pointer: JSONPointer
        do { pointer = try JSONPointer(config.pointer) } catch {
            return .failure(SignalReadError(.local, error.message))
        }
        switch HTTPSourceSupport.headers(config.headers, credentials: credentials) {
        case .failure(let error): return .failure(error)
        case .success(let headers):
            let answer = await HTTPSourceSupport.get(
                config.url, headers: headers, timeout: timeout, transport: transport)
            return answer.flatMap {
                HTTPJSONResponse.reading(
                    status: $0.status, body: $0.body, pointer: pointer, url: HTTPSourceSupport.redacted(config.url))
            }
        }
    }
}

import Foundation
import HTTPTransport

/// What the HTTP-based sources share: header resolution, the request, and mapping transport errors.
enum HTTPSourceSupport {
    /// The largest answer a signal source accepts.
    static let maximumResponseBytes = 1 << 20

    /// The request headers with credentials read now (never logged).
    static func headers(_ configs: [HTTPHeaderConfig], credentials: CredentialReader)
        -> Result<[HTTPHeader], SignalReadError>
    {
        var headers = [HTTPHeader("Accept", "application/json")]
        for config in configs {
            var value = config.value
            if let name = config.credential {
                switch credentials.read(name) {
                case .success(let secret): value += secret
                case .failure(let error): return .failure(error)
                }
            }
            headers.append(HTTPHeader(config.name, value))
        }
        return .success(headers)
    }

    /// GETs `url` with `headers` within `timeout`; the response whatever its status, or a read error.
    static func get(_ url: String, headers: [HTTPHeader], timeout: Duration, transport: HTTPTransport)
        async -> Result<HTTPResponse, SignalReadError>
    {
        let request = HTTPRequest(
            url: url, headers: headers, connectTimeout: min(timeout, .seconds(5)), totalTimeout: timeout,
            maximumResponseBytes: maximumResponseBytes)
        do {
            return .success(try await transport.perform(request))
        } catch let error as HTTPTransportError {
            return .failure(readError(error, url: redacted(url), timeout: timeout))
        } catch {
            return .failure(SignalReadError(.local, "GET \(redacted(url)) was cancelled"))
        }
    }

    /// The read error for a transport failure.
    static func readError(_ error: HTTPTransportError, url: String, timeout: Duration) -> SignalReadError {
        switch error {
        case .connectionRefused, .nameResolution, .tls, .other:
            return SignalReadError(.unreachable, "GET \(url): \(error)")
        case .timedOut:
            return SignalReadError(.timeout, "GET \(url): no answer within \(timeout.seconds) s")
        case .responseTooLarge(let limit):
            return SignalReadError(.malformed, "GET \(url): the answer is larger than \(limit) bytes")
        case .invalidRequest, .shutDown:
            return SignalReadError(.local, "GET \(url): \(error)")
        }
    }

    /// `url` with any `user:password@` replaced by `***@`, for messages and logs.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.firstRange(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<scheme.upperBound]) + "***" + String(rest[at...])
    }
}

import CCurl
import Foundation
import Logging

/// An HTTP/1.1 client over the libcurl multi interface, driven on one dedicated thread and bridged to async/await.
///
/// One transport serves any number of concurrent requests and reuses connections between them.
/// TLS verification is always on, redirects are never followed, and the proxy environment
/// (`http_proxy`, `https_proxy`, `no_proxy`) is honoured as libcurl does by default.
/// Call ``shutdown()`` when done; requests still in flight then fail with ``HTTPTransportError/shutDown``.
public final class HTTPTransport: Sendable {
    /// The TLS library libcurl was built with, e.g. `GnuTLS/3.7.9` (Debian's `libcurl4-gnutls-dev`; nil without TLS).
    public static var tlsLibrary: String? { fw_curl_ssl_version().map { String(cString: $0) } }

    private let loop: CurlLoop
    private let ids: RequestCounter

    /// Starts the transport's thread.
    public init(logger: Logger = Logger(label: "forewarn.http")) {
        loop = CurlLoop(logger: logger)
        ids = RequestCounter()
        let thread = Thread { [loop] in loop.run() }
        thread.name = "forewarn-curl"
        thread.start()
    }

    deinit { loop.stop() }

    /// Sends one request and returns the response, whatever its status; throws ``HTTPTransportError`` when none came.
    ///
    /// Cancelling the calling task aborts the transfer and throws `CancellationError`.
    public func perform(_ request: HTTPRequest) async throws -> HTTPResponse {
        if let problem = request.problem { throw HTTPTransportError.invalidRequest(message: problem) }
        let id = ids.next()
        let flag = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                loop.submit(.start(id: id, request: request, flag: flag, continuation))
            }
        } onCancel: {
            flag.cancel()
            loop.submit(.cancel(id: id))
        }
    }

    /// Stops the thread; requests in flight fail with ``HTTPTransportError/shutDown``. Idempotent.
    public func shutdown() { loop.stop() }
}

/// Hands out request ids from 1 upwards (0 cannot travel in `CURLOPT_PRIVATE`).
final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var last = 0

    /// The next id.
    func next() -> Int {
        lock.withLock {
            last += 1; return last
        }
    }
}

extension HTTPRequest {
    /// Why libcurl must not see this request, or nil when it is well formed.
    var problem: String? {
        // Unicode scalars, not Characters ("\r\n" is one Character), and no Foundation string calls: this runs
        // for every request and showed up in delivery profiles.
        let isControl: (Unicode.Scalar) -> Bool = { $0.value < 0x20 || $0.value == 0x7F }
        if method.isEmpty || method.contains(where: { !$0.isLetter }) { return "method '\(method)' is not a token" }
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            return "URL '\(url)' must start with http:// or https://"
        }
        if url.unicodeScalars.contains(where: { isControl($0) || $0 == " " }) {
            return "URL contains spaces or control characters"
        }
        for header in headers {
            if header.name.isEmpty
                || header.name.unicodeScalars.contains(where: { isControl($0) || $0 == ":" || $0 == " " })
            {
                return "header name '\(header.name)' is not a token"
            }
            if header.value.unicodeScalars.contains(where: { isControl($0) && $0 != "\t" }) {
                return "header '\(header.name)' contains a line break or control character"
            }
        }
        if maximumResponseBytes < 0 { return "maximum response bytes must not be negative" }
        return nil
    }
}

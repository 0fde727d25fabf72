import Foundation
import Hummingbird

/// An API failure answered as `{"error": {"status": 400, "message": "…"}}`.
public struct APIError: HTTPResponseError, Sendable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// What is wrong and what to do.
    public var message: String
    /// The methods a 405 names in `Allow:`.
    public var allow: [String] = []

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, _ message: String, allow: [String] = []) {
        self.status = status
        self.message = message
        self.allow = allow
    }

    /// The JSON error response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = ErrorBody(error: .init(status: Int(status.code), message: message))
        let data = (try? JSONEncoder().encode(body)) ?? Data(#"{"error":{"status":500}}"#.utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if status == .unauthorized { headers[.wwwAuthenticate] = #"Bearer realm="forewarn""# }
        if !allow.isEmpty { headers[.allow] = allow.joined(separator: ", ") }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The JSON shape of an error.
    struct ErrorBody: Codable {
        struct Detail: Codable {
            var status: Int
            var message: String
        }
        var error: Detail
    }

    /// 501 for an endpoint whose backing part is not wired into this build.
    static func notImplemented(_ part: String) -> APIError {
        APIError(.notImplemented, "\(part) is not available in this build yet; the endpoint answers once it lands")
    }
}

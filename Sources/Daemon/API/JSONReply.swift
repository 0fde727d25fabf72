import Foundation
import Hummingbird

/// JSON responses with RFC 3339 UTC dates.
enum JSONReply {
    /// Encodes `value` as the response body.
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Decodes the request body (collected up to the context's limit) as `type`.
    static func decode<T: Decodable>(
        _ type: T.Type, from request: Request, context: some RequestContext, decoder: JSONDecoder = JSONDecoder()
    ) async throws -> T {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { throw APIError(.badRequest, "body: a JSON object is required") }
        do {
            return try decoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError(.badRequest, DecodingProblem.describe(error))
        }
    }
}

import Foundation
import Hummingbird

/// Turns every failure into a JSON error: Hummingbird's own (404, 405, 413) and decoding errors included.
public struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Creates the middleware.
    public init() {}

    /// Runs the next handler and maps its errors.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError {
            let allowed = APIRouter.allowedMethods(for: request.uri.path)
            if error.status == .notFound || error.status == .methodNotAllowed, !allowed.isEmpty {
                throw APIError(
                    .methodNotAllowed,
                    "\(request.method) is not allowed on \(request.uri.path); use \(allowed.joined(separator: " or ")) (see openapi.yaml)",
                    allow: allowed)
            }
            let text: String
            switch error.status {
            case .contentTooLarge: text = "request body larger than \(APIRequestContext.maximumBodyBytes) bytes"
            case .notFound: text = "no such endpoint: \(request.method) \(request.uri.path) (see openapi.yaml)"
            case .methodNotAllowed: text = "\(request.method) is not allowed on \(request.uri.path) (see openapi.yaml)"
            default: text = error.body ?? error.status.reasonPhrase
            }
            throw APIError(error.status, text)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "request body larger than \(APIRequestContext.maximumBodyBytes) bytes")
        } catch let error as any HTTPResponseError {
            throw APIError(error.status, error.status.reasonPhrase)
        } catch let error as DecodingError {
            throw APIError(.badRequest, DecodingProblem.describe(error))
        } catch {
            throw APIError(.internalServerError, "internal error: \(type(of: error))")
        }
    }
}

/// Readable text for JSON decoding failures: where in the body and what was expected.
enum DecodingProblem {
    /// `samples[0].value: expected a number or a string`.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.reduce(into: "") { text, key in
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text.isEmpty ? "body" : text
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(friendly(type)) (\(context.debugDescription))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(friendly(type)), found null"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): required field is missing"
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { ": \($0.localizedDescription)" } ?? ""
            return "\(path(context.codingPath)): \(context.debugDescription)\(underlying)"
        @unknown default:
            return "body: not valid JSON for this endpoint"
        }
    }

    private static func friendly(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Double.Type, is Int.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = "\(type)"
            return name.hasPrefix("Array") ? "an array" : name.hasPrefix("Dictionary") ? "an object" : "a \(name)"
        }
    }
}

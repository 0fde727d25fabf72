import Hummingbird

/// Guards a route group with the API bearer token; without a configured token those routes answer 403.
public struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    private let token: APIToken?

    /// Creates the guard.
    public init(token: APIToken?) { self.token = token }

    /// Checks `Authorization: Bearer …` before the handler runs.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let token else {
            throw APIError(
                .forbidden,
                "no API token is configured: give the daemon the credential api-token (LoadCredential=) or FOREWARN_API_TOKEN"
            )
        }
        // RFC 6750 §2.3: gateways that cannot set headers (Kannel dlr-url, get-url) may pass ?access_token=.
        let offered =
            request.headers[.authorization] ?? request.uri.queryParameters.get("access_token").map { "Bearer \($0)" }
        guard token.accepts(authorization: offered) else {
            throw APIError(.unauthorized, "missing or wrong bearer token: send Authorization: Bearer <api-token>")
        }
        return try await next(request, context)
    }
}

/// What a server answered: status, header fields, body bytes and how long the exchange took.
public struct HTTPResponse: Sendable, Equatable {
    /// The HTTP status code, e.g. 200.
    public var status: Int
    /// The response header fields of the final response, in order.
    public var headers: [HTTPHeader]
    /// The response body bytes.
    public var body: [UInt8]
    /// The time from the start of the transfer to its end, as measured by libcurl.
    public var totalTime: Duration
    /// Whether libcurl reused a cached connection instead of opening a new one.
    public var reusedConnection: Bool

    /// Creates a response.
    public init(
        status: Int, headers: [HTTPHeader], body: [UInt8], totalTime: Duration, reusedConnection: Bool = false
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.totalTime = totalTime
        self.reusedConnection = reusedConnection
    }

    /// The value of the first header field with this name (case-insensitive), if any.
    public func headerValue(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// The body decoded as UTF-8 (invalid sequences repaired).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

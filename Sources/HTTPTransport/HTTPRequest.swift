/// One HTTP request handed to ``HTTPTransport``: method, URL, headers and the exact body bytes.
public struct HTTPRequest: Sendable, Equatable {
    /// The request method, e.g. `GET` or `POST` (sent as given).
    public var method: String
    /// The absolute URL (`http://` or `https://`).
    public var url: String
    /// Header fields in order; names are sent as given.
    public var headers: [HTTPHeader]
    /// The body bytes, sent unchanged (empty means no body).
    public var body: [UInt8]
    /// The longest time to wait for the connection (TCP and TLS), 5 s by default.
    public var connectTimeout: Duration
    /// The longest time for the whole exchange, 30 s by default.
    public var totalTimeout: Duration
    /// The largest response body accepted; a larger one fails with ``HTTPTransportError/responseTooLarge(limit:)``.
    public var maximumResponseBytes: Int

    /// Creates a request; timeouts and the body cap have the defaults of the delivery conventions.
    public init(
        method: String = "GET",
        url: String,
        headers: [HTTPHeader] = [],
        body: [UInt8] = [],
        connectTimeout: Duration = .seconds(5),
        totalTimeout: Duration = .seconds(30),
        maximumResponseBytes: Int = 1 << 20
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maximumResponseBytes = maximumResponseBytes
    }
}

/// One header field: a name and a value.
public struct HTTPHeader: Sendable, Equatable, Hashable {
    /// The field name as sent or received (compare case-insensitively).
    public var name: String
    /// The field value without surrounding whitespace.
    public var value: String

    /// Creates a header field.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded up, at least 1.
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return max(1, Int(clamping: millis))
    }
}

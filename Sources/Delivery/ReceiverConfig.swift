import Foundation

/// A delivery endpoint with its limits; the lead bridges plan `receivers:` entries to this value.
public struct ReceiverConfig: Sendable {
    /// The receiver's unique name.
    public var name: String
    /// What kind of endpoint it is and how to talk to it.
    public var kind: ReceiverKind
    /// How many requests may be in flight at once.
    public var maximumConcurrency: Int
    /// The most requests started per second (nil: unlimited).
    public var ratePerSecond: Double?
    /// The connect timeout per attempt.
    public var connectTimeout: Duration
    /// The total timeout per attempt.
    public var totalTimeout: Duration
    /// The retry schedule.
    public var retry: RetrySchedule
    /// A receiver that takes over dead letters, if any.
    public var fallback: String?

    /// Creates a receiver with the delivery defaults (4 in flight, 5 s / 30 s, Svix schedule).
    public init(
        name: String, kind: ReceiverKind, maximumConcurrency: Int = 4, ratePerSecond: Double? = nil,
        connectTimeout: Duration = .seconds(5), totalTimeout: Duration = .seconds(30),
        retry: RetrySchedule = .svix, fallback: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.maximumConcurrency = max(1, maximumConcurrency)
        self.ratePerSecond = ratePerSecond
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.retry = retry
        self.fallback = fallback
    }
}

/// The receiver kinds: a generic webhook and three SMS presets.
public enum ReceiverKind: Sendable {
    /// A JSON webhook signed per Standard Webhooks.
    case webhook(WebhookReceiver)
    /// Kannel's `sendsms` HTTP interface.
    case kannel(KannelReceiver)
    /// A Twilio-style form API (`To`, `From`, `Body`, Basic auth).
    case twilio(TwilioReceiver)
    /// A generic form POST (or GET) with configurable field names.
    case form(FormReceiver)

    /// The channel policies count against: `sms` for the SMS presets, `webhook` otherwise.
    public var channel: String {
        switch self {
        case .webhook: "webhook"
        case .kannel, .twilio, .form: "sms"
        }
    }
}

/// Builds the stored body once, then one HTTP request per attempt from the stored bytes.
public protocol ReceiverEncoding: Sendable {
    /// Serializes the message; these exact bytes are stored and sent on every attempt.
    func makeBody(for message: OutboundMessage) throws -> [UInt8]
    /// The request for one attempt at `now`, with secrets resolved now (never stored).
    func makeRequest(noticeID: String, body: [UInt8], now: Date, secrets: SecretResolver) throws -> HTTPRequestParts
}

/// The parts of an HTTP request a receiver produces (the dispatcher adds timeouts).
public struct HTTPRequestParts: Sendable, Equatable {
    /// The method.
    public var method: String
    /// The full URL.
    public var url: String
    /// The header fields.
    public var headers: [(String, String)]
    /// The body bytes.
    public var body: [UInt8]

    public static func == (lhs: HTTPRequestParts, rhs: HTTPRequestParts) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.map { "\($0.0): \($0.1)" } == rhs.headers.map { "\($0.0): \($0.1)" }
    }
}

extension ReceiverKind {
    /// The encoding for this kind.
    public var encoding: any ReceiverEncoding {
        switch self {
        case .webhook(let receiver): receiver
        case .kannel(let receiver): receiver
        case .twilio(let receiver): receiver
        case .form(let receiver): receiver
        }
    }
}

/// Joins `name=value` pairs, both percent-encoded, with `&`.
func formEncode(_ pairs: [(String, String)]) -> String {
    pairs.map { formEscaped($0.0) + "=" + formEscaped($0.1) }.joined(separator: "&")
}

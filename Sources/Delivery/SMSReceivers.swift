import Foundation

/// Kannel's `sendsms`: GET with `charset=UTF-8`, `coding=2` only for UCS-2 texts, and a delivery-report URL.
public struct KannelReceiver: ReceiverEncoding {
    /// E.g. `http://127.0.0.1:13013/cgi-bin/sendsms`.
    public var sendsmsURL: String
    /// The sendsms user name.
    public var username: String
    /// The name of the secret holding the password.
    public var passwordSecret: String
    /// The sender id, if set (else Kannel's global sender).
    public var from: String?
    /// The daemon's delivery-report endpoint; `id=<notice id>&status=%d` is appended (Kannel fills in `%d`).
    public var deliveryReportURL: String?
    /// Which reports to ask for (1 delivered, 2 failed, 4 queued, 8 SMSC ack, 16 SMSC nack).
    public var deliveryReportMask: Int
    /// Whether to transliterate non-GSM-7 characters (á→a) to stay in GSM-7.
    public var transliterates: Bool

    /// Creates a Kannel receiver.
    public init(
        sendsmsURL: String, username: String, passwordSecret: String, from: String? = nil,
        deliveryReportURL: String? = nil, deliveryReportMask: Int = 31, transliterates: Bool = false
    ) {
        self.sendsmsURL = sendsmsURL
        self.username = username
        self.passwordSecret = passwordSecret
        self.from = from
        self.deliveryReportURL = deliveryReportURL
        self.deliveryReportMask = deliveryReportMask
        self.transliterates = transliterates
    }

    /// The stored body is the query string without credentials.
    public func makeBody(for message: OutboundMessage) throws -> [UInt8] {
        let text = transliterates ? SMSTransliteration.apply(to: message.text) : message.text
        guard !text.isEmpty else { throw DeliveryError("SMS text for notice \(message.noticeID) is empty") }
        var pairs: [(String, String)] = []
        if let from { pairs.append(("from", from)) }
        pairs += [("to", message.to), ("text", text), ("charset", "UTF-8")]
        if SMSAnalysis(text: text).encoding == .ucs2 { pairs.append(("coding", "2")) }
        if let deliveryReportURL {
            let separator = deliveryReportURL.contains("?") ? "&" : "?"
            pairs.append(("dlr-mask", String(deliveryReportMask)))
            pairs.append(
                ("dlr-url", deliveryReportURL + separator + "id=\(formEscaped(message.noticeID))&status=%d"))
        }
        return Array(formEncode(pairs).utf8)
    }

    public func makeRequest(noticeID: String, body: [UInt8], now: Date, secrets: SecretResolver) throws
        -> HTTPRequestParts
    {
        let credentials = formEncode([("username", username), ("password", try secrets.resolve(passwordSecret))])
        let query = credentials + "&" + String(decoding: body, as: UTF8.self)
        return HTTPRequestParts(method: "GET", url: sendsmsURL + "?" + query, headers: [], body: [])
    }
}

/// A Twilio-style API: form POST of `To`, `From`, `Body` (≤ 1,600 characters), Basic auth, `StatusCallback`.
public struct TwilioReceiver: ReceiverEncoding {
    /// The messages endpoint URL.
    public var url: String
    /// The Basic-auth user (an account SID).
    public var accountID: String
    /// The name of the secret holding the auth token.
    public var tokenSecret: String
    /// The sender number.
    public var from: String
    /// The status callback URL, if any.
    public var statusCallback: String?
    /// Whether to transliterate to stay in GSM-7.
    public var transliterates: Bool

    /// Creates a Twilio-style receiver.
    public init(
        url: String, accountID: String, tokenSecret: String, from: String, statusCallback: String? = nil,
        transliterates: Bool = false
    ) {
        self.url = url
        self.accountID = accountID
        self.tokenSecret = tokenSecret
        self.from = from
        self.statusCallback = statusCallback
        self.transliterates = transliterates
    }

    public func makeBody(for message: OutboundMessage) throws -> [UInt8] {
        let text = transliterates ? SMSTransliteration.apply(to: message.text) : message.text
        guard text.count <= 1600 else {
            throw DeliveryError(
                "SMS text for notice \(message.noticeID) has \(text.count) characters; the limit is 1600")
        }
        var pairs = [("To", message.to), ("From", from), ("Body", text)]
        if let statusCallback { pairs.append(("StatusCallback", statusCallback)) }
        return Array(formEncode(pairs).utf8)
    }

    public func makeRequest(noticeID: String, body: [UInt8], now: Date, secrets: SecretResolver) throws
        -> HTTPRequestParts
    {
        let token = try secrets.resolve(tokenSecret)
        let basic = Data("\(accountID):\(token)".utf8).base64EncodedString()
        return HTTPRequestParts(
            method: "POST", url: url,
            headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Authorization", "Basic " + basic)],
            body: body)
    }
}

/// A generic form API: the address and text under configurable field names, plus static fields.
public struct FormReceiver: ReceiverEncoding {
    /// The endpoint URL.
    public var url: String
    /// `POST` (form body) or `GET` (query string).
    public var method: String
    /// The field carrying the address.
    public var toField: String
    /// The field carrying the text.
    public var textField: String
    /// Fields sent as they are.
    public var staticFields: [(String, String)]
    /// The name of a secret sent as the `Authorization` header value, if any.
    public var authorizationSecret: String?

    /// Creates a form receiver.
    public init(
        url: String, method: String = "POST", toField: String = "to", textField: String = "text",
        staticFields: [(String, String)] = [], authorizationSecret: String? = nil
    ) {
        self.url = url
        self.method = method
        self.toField = toField
        self.textField = textField
        self.staticFields = staticFields
        self.authorizationSecret = authorizationSecret
    }

    public func makeBody(for message: OutboundMessage) throws -> [UInt8] {
        Array(formEncode(staticFields + [(toField, message.to), (textField, message.text)]).utf8)
    }

    public func makeRequest(noticeID: String, body: [UInt8], now: Date, secrets: SecretResolver) throws
        -> HTTPRequestParts
    {
        var headers: [(String, String)] = []
        if let authorizationSecret { headers.append(("Authorization", try secrets.resolve(authorizationSecret))) }
        if method == "GET" {
            return HTTPRequestParts(
                method: "GET", url: url + "?" + String(decoding: body, as: UTF8.self), headers: headers, body: [])
        }
        headers.append(("Content-Type", "application/x-www-form-urlencoded"))
        return HTTPRequestParts(method: method, url: url, headers: headers, body: body)
    }
}

import Foundation

/// A generic JSON webhook: the envelope `{type, timestamp, data}` or a templated body, signed per Standard Webhooks.
public struct WebhookReceiver: ReceiverEncoding {
    /// The endpoint URL.
    public var url: String
    /// Names of the signing secrets (`whsec_…`), newest first; resolved per attempt. Empty: unsigned.
    public var secretNames: [String]
    /// A JSON body template (rendered with JSON escaping); nil sends the default envelope.
    public var bodyTemplate: LocalizedTemplate?
    /// The locale the template is rendered in.
    public var locale: String
    /// Extra static header fields.
    public var headers: [(String, String)]

    /// Creates a webhook receiver.
    public init(
        url: String, secretNames: [String] = [], bodyTemplate: LocalizedTemplate? = nil, locale: String = "en",
        headers: [(String, String)] = []
    ) {
        self.url = url
        self.secretNames = secretNames
        self.bodyTemplate = bodyTemplate
        self.locale = locale
        self.headers = headers
    }

    public func makeBody(for message: OutboundMessage) throws -> [UInt8] {
        if let bodyTemplate {
            let rendered = Array(bodyTemplate.render(locale: locale, values: message.templateValues).utf8)
            guard (try? JSONSerialization.jsonObject(with: Data(rendered), options: [.fragmentsAllowed])) != nil else {
                throw DeliveryError("webhook body template for '\(url)' does not render valid JSON")
            }
            return rendered
        }
        var data = message.data
        data["id"] = message.noticeID
        data["to"] = message.to
        data["text"] = message.text
        let envelope: [String: Any] = [
            "type": message.type, "timestamp": message.createdAt.formatted(.iso8601), "data": data,
        ]
        return Array(
            try JSONSerialization.data(withJSONObject: envelope, options: [.sortedKeys, .withoutEscapingSlashes]))
    }

    public func makeRequest(noticeID: String, body: [UInt8], now: Date, secrets: SecretResolver) throws
        -> HTTPRequestParts
    {
        var fields: [(String, String)] = [("Content-Type", "application/json")] + headers
        if !secretNames.isEmpty {
            let signer = WebhookSigner(secrets: try secretNames.map { try WebhookSecret(encoded: secrets.resolve($0)) })
            let timestamp = Int(now.timeIntervalSince1970)
            fields += signer.headers(id: noticeID, timestamp: timestamp, body: body).map { ($0.name, $0.value) }
        } else {
            fields.append(("webhook-id", noticeID))
        }
        return HTTPRequestParts(method: "POST", url: url, headers: fields, body: body)
    }
}

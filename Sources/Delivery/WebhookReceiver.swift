import CivilDay
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
        // JSONEncoder over a typed envelope: JSONSerialization's bridging of `Any` dominated fan-out profiles.
        let envelope = Envelope(type: message.type, timestamp: CivilDay.iso8601(message.createdAt), data: data)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(envelope))
    }

    /// The default body: `{"data":{…},"timestamp":"…","type":"…"}` with sorted keys.
    private struct Envelope: Encodable {
        var type: String
        var timestamp: String
        var data: [String: String]
    }

    public func makeRequest(noticeID: String, body: [UInt8], now: Date, secrets: SecretResolver) throws
        -> HTTPRequestParts
    {
        var fields: [(String, String)] = [("Content-Type", "application/json")] + headers
        if !secretNames.isEmpty {
            let signer = WebhookSigner(
                secrets: try secretNames.map { try ParsedSecrets.shared.secret(secrets.resolve($0)) })
            let timestamp = Int(now.timeIntervalSince1970)
            fields += signer.headers(id: noticeID, timestamp: timestamp, body: body).map { ($0.name, $0.value) }
        } else {
            fields.append(("webhook-id", noticeID))
        }
        return HTTPRequestParts(method: "POST", url: url, headers: fields, body: body)
    }
}

/// Parsed signing secrets by their encoded value: each attempt still resolves the secret by name (so a rotated
/// value takes effect at once) but parses a given value only once (trimming and base64 showed up in profiles).
final class ParsedSecrets: @unchecked Sendable {
    static let shared = ParsedSecrets()
    private let lock = NSLock()
    private var parsed: [String: WebhookSecret] = [:]

    /// The secret for an encoded value, parsed on first use; at most 64 values are kept.
    func secret(_ encoded: String) throws -> WebhookSecret {
        if let known = lock.withLock({ parsed[encoded] }) { return known }
        let secret = try WebhookSecret(encoded: encoded)
        lock.withLock {
            if parsed.count >= 64 { parsed.removeAll() }
            parsed[encoded] = secret
        }
        return secret
    }
}

import Crypto
import Foundation

/// A Standard Webhooks signing secret (`whsec_` followed by base64 key bytes).
public struct WebhookSecret: Sendable, Equatable {
    let key: SymmetricKey

    /// Parses `whsec_<base64>` (the prefix is optional); throws ``DeliveryError`` when it is not base64.
    public init(encoded: String) throws {
        let trimmed = encoded.trimmingCharacters(in: .whitespacesAndNewlines)
        let base64 = trimmed.hasPrefix("whsec_") ? String(trimmed.dropFirst(6)) : trimmed
        guard let bytes = Data(base64Encoded: base64), !bytes.isEmpty else {
            throw DeliveryError("webhook secret is not 'whsec_' followed by base64 key bytes")
        }
        key = SymmetricKey(data: bytes)
    }

    public static func == (lhs: WebhookSecret, rhs: WebhookSecret) -> Bool {
        lhs.key.withUnsafeBytes { left in rhs.key.withUnsafeBytes { right in left.elementsEqual(right) } }
    }
}

/// Signs and verifies webhook requests per Standard Webhooks 1.0, with several secrets during key rotation.
public struct WebhookSigner: Sendable {
    /// The secrets, newest first; every one signs, any one verifies.
    public var secrets: [WebhookSecret]

    /// Creates a signer; pass the new secret first and the old one after it while rotating.
    public init(secrets: [WebhookSecret]) {
        self.secrets = secrets
    }

    /// The `webhook-signature` value: `v1,<base64>` per secret, separated by spaces.
    public func signature(id: String, timestamp: Int, body: [UInt8]) -> String {
        let content = Self.signedContent(id: id, timestamp: timestamp, body: body)
        return secrets.map { secret in
            let mac = HMAC<SHA256>.authenticationCode(for: content, using: secret.key)
            return "v1," + Data(mac).base64EncodedString()
        }.joined(separator: " ")
    }

    /// The three headers for one attempt: `webhook-id`, `webhook-timestamp`, `webhook-signature`.
    public func headers(id: String, timestamp: Int, body: [UInt8]) -> [(name: String, value: String)] {
        [
            ("webhook-id", id), ("webhook-timestamp", String(timestamp)),
            ("webhook-signature", signature(id: id, timestamp: timestamp, body: body)),
        ]
    }

    /// Whether any `v1` signature in `header` matches any secret (constant-time comparison per candidate).
    ///
    /// Also rejects timestamps further than `tolerance` seconds from `now` (replay protection).
    public func verify(
        signatureHeader header: String, id: String, timestamp: Int, body: [UInt8], now: Date,
        tolerance: TimeInterval = 300
    ) -> Bool {
        guard abs(now.timeIntervalSince1970 - Double(timestamp)) <= tolerance else { return false }
        let content = Self.signedContent(id: id, timestamp: timestamp, body: body)
        let candidates = header.split(separator: " ").compactMap { part -> Data? in
            guard part.hasPrefix("v1,") else { return nil }
            return Data(base64Encoded: String(part.dropFirst(3)))
        }
        var matched = false
        for candidate in candidates {
            for secret in secrets
            where HMAC<SHA256>.isValidAuthenticationCode(candidate, authenticating: content, using: secret.key) {
                matched = true
            }
        }
        return matched
    }

    static func signedContent(id: String, timestamp: Int, body: [UInt8]) -> [UInt8] {
        Array("\(id).\(timestamp).".utf8) + body
    }
}

import Foundation
import Testing

@testable import Delivery

struct KnownVector: Decodable {
    let secret: String
    let id: String
    let timestamp: Int
    let body: String
    let signature: String

    static func load() throws -> KnownVector {
        let url = try #require(
            Bundle.module.url(
                forResource: "standard-webhooks-vector", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(KnownVector.self, from: Data(contentsOf: url))
    }
}

@Suite struct WebhookSignerTests {
    @Test func signsTheKnownAnswerVector() throws {
        let vector = try KnownVector.load()
        let signer = WebhookSigner(secrets: [try WebhookSecret(encoded: vector.secret)])
        #expect(
            signer.signature(id: vector.id, timestamp: vector.timestamp, body: Array(vector.body.utf8))
                == vector.signature)
    }

    @Test func verifiesTheKnownAnswerVectorAndRejectsTampering() throws {
        let vector = try KnownVector.load()
        let signer = WebhookSigner(secrets: [try WebhookSecret(encoded: vector.secret)])
        let now = Date(timeIntervalSince1970: Double(vector.timestamp) + 10)
        let body = Array(vector.body.utf8)
        #expect(
            signer.verify(
                signatureHeader: vector.signature, id: vector.id, timestamp: vector.timestamp,
                body: body, now: now))
        #expect(
            !signer.verify(
                signatureHeader: vector.signature, id: vector.id, timestamp: vector.timestamp,
                body: body + [32], now: now))
        #expect(
            !signer.verify(
                signatureHeader: vector.signature, id: "msg_other", timestamp: vector.timestamp,
                body: body, now: now))
        let late = Date(timeIntervalSince1970: Double(vector.timestamp) + 3600)
        #expect(
            !signer.verify(
                signatureHeader: vector.signature, id: vector.id, timestamp: vector.timestamp,
                body: body, now: late))
    }

    @Test func rotationSignsWithEverySecretAndEitherVerifies() throws {
        let vector = try KnownVector.load()
        let old = try WebhookSecret(encoded: vector.secret)
        let new = try WebhookSecret(encoded: "whsec_" + Data(repeating: 7, count: 24).base64EncodedString())
        let rotating = WebhookSigner(secrets: [new, old])
        let header = rotating.signature(id: vector.id, timestamp: vector.timestamp, body: Array(vector.body.utf8))
        let parts = header.split(separator: " ").map(String.init)
        #expect(parts.count == 2)
        #expect(parts[1] == vector.signature)
        let now = Date(timeIntervalSince1970: Double(vector.timestamp))
        for secret in [old, new] {
            #expect(
                WebhookSigner(secrets: [secret]).verify(
                    signatureHeader: header, id: vector.id, timestamp: vector.timestamp, body: Array(vector.body.utf8),
                    now: now))
        }
    }

    @Test func rejectsASecretThatIsNotBase64() {
        #expect(throws: DeliveryError.self) { try WebhookSecret(encoded: "whsec_###") }
    }
}

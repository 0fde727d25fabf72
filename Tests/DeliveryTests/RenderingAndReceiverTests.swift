import Foundation
import TestPeers
import Testing

@testable import Delivery

@Suite struct RenderingTests {
    @Test func escapesPerTarget() throws {
        let values: [String: Any] = ["name": "Ana \"la\" Ñ\n& co"]
        let json = try LocalizedTemplate(sources: ["en": "{\"n\":\"{{name}}\"}"], fallbackLocale: "en", target: .json)
        let rendered = json.render(locale: "en", values: values)
        let decoded = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: String]
        #expect(decoded?["n"] == "Ana \"la\" Ñ\n& co")
        let form = try LocalizedTemplate(sources: ["en": "n={{name}}"], fallbackLocale: "en", target: .form)
        #expect(form.render(locale: "en", values: values) == "n=Ana%20%22la%22%20%C3%91%0A%26%20co")
        let text = try LocalizedTemplate(sources: ["en": "{{name}}"], fallbackLocale: "en", target: .text)
        #expect(text.render(locale: "en", values: values) == "Ana \"la\" Ñ\n& co")
    }

    @Test func picksTheLocaleThenTheLanguageThenTheFallback() throws {
        let template = try LocalizedTemplate(
            sources: ["en": "Hi {{n}}", "es": "Hola {{n}}", "es-CL": "Wena {{n}}"], fallbackLocale: "en",
            target: .text)
        #expect(template.render(locale: "es-CL", values: ["n": "Ana"]) == "Wena Ana")
        #expect(template.render(locale: "es-MX", values: ["n": "Ana"]) == "Hola Ana")
        #expect(template.render(locale: "fr", values: ["n": "Ana"]) == "Hi Ana")
        #expect(throws: DeliveryError.self) {
            try LocalizedTemplate(sources: ["es": "x"], fallbackLocale: "en", target: .text)
        }
    }
}

@Suite struct ReceiverTests {
    let secrets = SecretResolver(
        credentialsDirectory: nil,
        environment: [
            "KANNEL_PW": "s3cret",
            "WH": "whsec_"
                + Data(repeating: 1, count: 24).base64EncodedString(), "TW": "tok",
        ])
    let created = Date(timeIntervalSince1970: 1_800_000_000)

    func message(_ text: String) -> OutboundMessage {
        OutboundMessage(noticeID: "msg_1", type: "notice.issued", createdAt: created, to: "+34600111222", text: text)
    }

    func query(_ url: String) -> [String: String] {
        let items = URLComponents(string: url)?.queryItems ?? []
        return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    @Test func kannelUsesUTF8AndCoding2OnlyForUCS2() throws {
        let kannel = KannelReceiver(
            sendsmsURL: "http://127.0.0.1:13013/cgi-bin/sendsms", username: "u", passwordSecret: "KANNEL_PW",
            deliveryReportURL: "http://127.0.0.1:9000/dlr")
        let gsm = try kannel.makeBody(for: message("¡Hola, señor! ¿Mañana?"))
        #expect(!String(decoding: gsm, as: UTF8.self).contains("s3cret"))
        let request = try kannel.makeRequest(noticeID: "msg_1", body: gsm, now: created, secrets: secrets)
        let fields = query(request.url)
        #expect(request.method == "GET")
        #expect(fields["text"] == "¡Hola, señor! ¿Mañana?")
        #expect(fields["charset"] == "UTF-8")
        #expect(fields["coding"] == nil)
        #expect(fields["password"] == "s3cret")
        #expect(fields["dlr-mask"] == "31")
        #expect(fields["dlr-url"] == "http://127.0.0.1:9000/dlr?id=msg_1&status=%d")
        let ucs2 = try kannel.makeBody(for: message("Atención"))
        #expect(query("http://x/?" + String(decoding: ucs2, as: UTF8.self))["coding"] == "2")
        var plain = kannel
        plain.transliterates = true
        let transliterated = try plain.makeBody(for: message("Atención"))
        let plainFields = query("http://x/?" + String(decoding: transliterated, as: UTF8.self))
        #expect(plainFields["text"] == "Atencion")
        #expect(plainFields["coding"] == nil)
    }

    @Test func twilioSendsAFormWithBasicAuth() throws {
        let twilio = TwilioReceiver(url: "http://127.0.0.1:1/Messages", accountID: "AC1", tokenSecret: "TW", from: "+1")
        let body = try twilio.makeBody(for: message("Hola & adiós"))
        #expect(String(decoding: body, as: UTF8.self) == "To=%2B34600111222&From=%2B1&Body=Hola%20%26%20adi%C3%B3s")
        let request = try twilio.makeRequest(noticeID: "msg_1", body: body, now: created, secrets: secrets)
        #expect(
            request.headers.contains {
                $0.0 == "Authorization" && $0.1 == "Basic " + Data("AC1:tok".utf8).base64EncodedString()
            })
        #expect(throws: DeliveryError.self) { try twilio.makeBody(for: message(String(repeating: "a", count: 1601))) }
    }

    @Test func webhookSendsTheEnvelopeSignedOverTheStoredBytes() throws {
        let webhook = WebhookReceiver(url: "http://127.0.0.1:1/hook", secretNames: ["WH"])
        let body = try webhook.makeBody(for: message("hi"))
        let envelope = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        #expect(envelope?["type"] as? String == "notice.issued")
        #expect((envelope?["data"] as? [String: String])?["text"] == "hi")
        #expect(envelope?["timestamp"] as? String == "2027-01-15T08:00:00Z")
        let request = try webhook.makeRequest(noticeID: "msg_1", body: body, now: created, secrets: secrets)
        #expect(request.body == body)
        let header = try #require(request.headers.first { $0.0 == "webhook-signature" }?.1)
        let signer = WebhookSigner(secrets: [try WebhookSecret(encoded: try secrets.resolve("WH"))])
        #expect(signer.verify(signatureHeader: header, id: "msg_1", timestamp: 1_800_000_000, body: body, now: created))
    }

    @Test func secretsComeFromTheCredentialsDirectoryFirst() throws {
        let directory = NSTemporaryDirectory() + "/forewarn-cred-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "from-file\n".write(toFile: directory + "/TOKEN", atomically: true, encoding: .utf8)
        let resolver = SecretResolver(credentialsDirectory: directory, environment: ["TOKEN": "env", "OTHER": "o"])
        #expect(try resolver.resolve("TOKEN") == "from-file")
        #expect(try resolver.resolve("OTHER") == "o")
        #expect(throws: DeliveryError.self) { try resolver.resolve("MISSING") }
        #expect(throws: DeliveryError.self) { try resolver.resolve("../etc/passwd") }
    }
}

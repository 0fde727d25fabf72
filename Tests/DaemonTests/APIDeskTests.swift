import Daemon
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The store-backed endpoints with a recording desk in the seam: requests reach it, answers follow it.
struct APIDeskTests {
    let auth: HTTPFields = [.authorization: "Bearer \(APIFixture.token)", .contentType: "application/json"]

    @Test func requestsReachTheDesk() async throws {
        let desk = RecordingDesk()
        let app = Application(router: APIRouter.make(try await APIFixture.dependencies(desk: desk)))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/notices?state=failed", method: .get, headers: auth) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#""state":"failed""#))
            }
            try await client.execute(uri: "/api/v1/notices/n1/replay", method: .post, headers: auth) {
                #expect($0.status == .accepted)
            }
            try await client.execute(uri: "/api/v1/notices/n9/replay", method: .post, headers: auth) {
                #expect($0.status == .notFound)
            }
            let suppression = ByteBuffer(string: #"{"address":"+56900000999","channel":"sms"}"#)
            try await client.execute(uri: "/api/v1/suppressions", method: .post, headers: auth, body: suppression) {
                #expect($0.status == .created)
            }
            try await client.execute(uri: "/api/v1/suppressions", method: .delete, headers: auth, body: suppression) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/v1/suppressions", method: .delete, headers: auth, body: suppression) {
                #expect($0.status == .notFound)
            }
            try await client.execute(
                uri: "/api/v1/inbound/sms", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"from":"+56900000999","text":"STOP"}"#)
            ) {
                #expect($0.status == .accepted)
            }
            try await client.execute(uri: "/api/v1/dlr?id=abc&status=1&access_token=\(APIFixture.token)", method: .get)
            { #expect($0.status == .ok) }
        }
        #expect(await desk.inbound == [InboundMessage(from: "+56900000999", text: "STOP")])
        #expect(await desk.reports == [["id": "abc", "status": "1"]])
        #expect(await desk.suppressions.isEmpty)
    }

    @Test func inboundMessagesAreReadInEachGatewaysOwnShape() async throws {
        let desk = RecordingDesk()
        let app = Application(router: APIRouter.make(try await APIFixture.dependencies(desk: desk)))
        let token = "access_token=\(APIFixture.token)"
        try await app.test(.router) { client in
            // Kannel's post-url: the text as a text/plain body, the sender (%p) and the receiver in the query.
            try await client.execute(
                uri: "/api/v1/inbound/kannel?from=%2B34600111222&receiver=kannel&\(token)", method: .post,
                headers: [.contentType: #"text/plain; charset="UTF-8""#], body: ByteBuffer(string: "NO MÁS")
            ) { response in
                #expect(response.status == .accepted)
                #expect(response.body.readableBytes == 0, "Kannel would send a non-empty answer back as an SMS")
            }
            // A Twilio-style form.
            try await client.execute(
                uri: "/api/v1/inbound/sms?\(token)", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "From=%2B15005550006&Body=Stop+please&To=%2B15005550001")
            ) { #expect($0.status == .accepted) }
            // JSON with the receiver in the body.
            try await client.execute(
                uri: "/api/v1/inbound/sms", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"from":"+56900000999","text":"START","receiver":"sms-b"}"#)
            ) { response in
                #expect(response.status == .accepted)
                #expect(String(buffer: response.body).contains("received"))
            }
            // Missing sender: a 400 that says where it goes; nothing reaches the desk.
            try await client.execute(
                uri: "/api/v1/inbound/kannel?\(token)", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: "STOP")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("from=%p"))
            }
            try await client.execute(
                uri: "/api/v1/inbound/sms?\(token)", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "Body=STOP")
            ) { #expect($0.status == .badRequest) }
        }
        #expect(
            await desk.inbound == [
                InboundMessage(from: "+34600111222", text: "NO MÁS", receiver: "kannel"),
                InboundMessage(from: "+15005550006", text: "Stop please"),
                InboundMessage(from: "+56900000999", text: "START", receiver: "sms-b"),
            ])
    }
}

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
}

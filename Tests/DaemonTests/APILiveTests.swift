import Daemon
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The same API over a real loopback socket (Hummingbird's live test mode).
struct APILiveTests {
    @Test func liveServerGuardsAndLimits() async throws {
        let app = Application(
            router: APIRouter.make(try await APIFixture.dependencies()),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/signals", method: .get) { #expect($0.status == .unauthorized) }
            let auth: HTTPFields = [.authorization: "Bearer \(APIFixture.token)", .contentType: "application/json"]
            try await client.execute(
                uri: "/api/v1/signals/queue_depth", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"samples":[{"value":"forty"}]}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains(#""accepted":0"#))
            }
            let huge = ByteBuffer(repeating: UInt8(ascii: " "), count: APIRequestContext.maximumBodyBytes + 1)
            try await client.execute(uri: "/api/v1/signals/queue_depth", method: .post, headers: auth, body: huge) {
                #expect($0.status == .contentTooLarge)
            }
        }
    }
}

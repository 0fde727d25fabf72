import Daemon
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The HTTP API through Hummingbird's router test client: auth, pushes, bad bodies, 501 seams.
struct APIRouterTests {
    let auth: HTTPFields = [.authorization: "Bearer \(APIFixture.token)", .contentType: "application/json"]

    func withApp(
        token: APIToken? = APIToken(APIFixture.token), desk: (any NoticeDesk)? = nil,
        _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let app = Application(router: APIRouter.make(try await APIFixture.dependencies(token: token, desk: desk)))
        try await app.test(.router) { client in try await body(client) }
    }

    static func errorMessage(_ buffer: ByteBuffer) -> String? {
        struct Body: Decodable { struct Detail: Decodable { var status: Int; var message: String }; var error: Detail }
        return try? JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView)).error.message
    }

    @Test func healthAndMetricsNeedNoToken() async throws {
        try await withApp { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#""plans":1"#))
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                #expect(String(buffer: response.body).contains("forewarn_config_last_reload_successful 1"))
            }
        }
    }

    @Test func guardedEndpointsWantTheBearerToken() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/v1/signals", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(Self.errorMessage(response.body)?.contains("bearer token") == true)
            }
            try await client.execute(
                uri: "/api/v1/signals", method: .get, headers: [.authorization: "Bearer wrong-token-0000000000"]
            ) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/signals", method: .get, headers: auth) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#""name":"queue_depth""#))
            }
            try await client.execute(uri: "/api/v1/signals?access_token=\(APIFixture.token)", method: .get) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test func withoutAConfiguredTokenGuardedEndpointsAreClosed() async throws {
        try await withApp(token: nil) { client in
            try await client.execute(uri: "/api/v1/signals", method: .get, headers: auth) { response in
                #expect(response.status == .forbidden)
                #expect(Self.errorMessage(response.body)?.contains("api-token") == true)
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func aGoodPushIsAcceptedAndAnOutOfRangeOneRejected() async throws {
        try await withApp { client in
            let body = #"{"samples":[{"value":12.5,"time":"2026-11-23T01:00:00Z"},{"value":"250001"}]}"#
            try await client.execute(
                uri: "/api/v1/signals/queue_depth", method: .post, headers: auth, body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains(#""accepted":1"#))
                #expect(text.contains("outside"))
            }
        }
    }

    @Test(arguments: [
        (#"{"samples": [ {"value": 1}"#, "body"),
        (#"{"samples": [{"value": true}]}"#, "samples[0].value"),
        (#"{"samples": "many"}"#, "samples"),
        (#"{"values": [1]}"#, "samples: required"),
        (#"{"samples": [{"value": 1, "time": "yesterday"}]}"#, "RFC 3339"),
        (#"{"samples": []}"#, "at least one"),
        ("", "JSON object is required"),
    ])
    func badBodiesGetA400SayingWhatIsWrong(body: String, expected: String) async throws {
        try await withApp { client in
            try await client.execute(
                uri: "/api/v1/signals/queue_depth", method: .post, headers: auth, body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .badRequest)
                let message = Self.errorMessage(response.body) ?? ""
                #expect(message.contains(expected), "message: \(message)")
            }
        }
    }

    @Test func oversizedBodiesGet413AsJSON() async throws {
        try await withApp { client in
            let huge = #"{"samples":["# + String(repeating: #"{"value":1},"#, count: 30_000) + #"{"value":1}]}"#
            try await client.execute(
                uri: "/api/v1/signals/queue_depth", method: .post, headers: auth, body: ByteBuffer(string: huge)
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(Self.errorMessage(response.body)?.contains("larger than") == true)
            }
        }
    }

    @Test func pushesToUnknownOrPolledSignalsAreRefused() async throws {
        try await withApp { client in
            let body = ByteBuffer(string: #"{"samples":[{"value":1}]}"#)
            try await client.execute(uri: "/api/v1/signals/nope", method: .post, headers: auth, body: body) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/signals/ups", method: .post, headers: auth, body: body) { response in
                #expect(response.status == .conflict)
                #expect(Self.errorMessage(response.body)?.contains("only push signals") == true)
            }
        }
    }

    @Test func engineAndStoreEndpointsAnswer501UntilWired() async throws {
        try await withApp { client in
            for (uri, method) in [
                ("/api/v1/occurrences", HTTPRequest.Method.get), ("/api/v1/notices", .get),
                ("/api/v1/notices/n1/replay", .post),
            ] {
                try await client.execute(uri: uri, method: method, headers: auth) { response in
                    #expect(response.status == .notImplemented, "\(method) \(uri)")
                    #expect(Self.errorMessage(response.body)?.contains("not available") == true)
                }
            }
            try await client.execute(uri: "/api/v1/notices?state=lost", method: .get, headers: auth) { response in
                #expect(response.status == .badRequest)
                #expect(Self.errorMessage(response.body)?.contains("pending") == true)
            }
            try await client.execute(uri: "/api/v1/dlr?id=1", method: .get, headers: auth) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(
                uri: "/api/v1/suppressions", method: .post, headers: auth, body: ByteBuffer(string: #"{"address": 5}"#)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(Self.errorMessage(response.body)?.contains("address") == true)
            }
        }
    }

    @Test func unknownRoutesAndMethodsGetJSONErrors() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/v1/nothing", method: .get, headers: auth) { response in
                #expect(response.status == .notFound)
                #expect(Self.errorMessage(response.body) != nil)
            }
            // A documented path with an undocumented method: 405 naming the methods that work.
            try await client.execute(uri: "/metrics", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET")
                #expect(Self.errorMessage(response.body)?.contains("use GET") == true)
            }
            try await client.execute(uri: "/api/v1/signals/queue_depth", method: .get, headers: auth) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "POST")
            }
        }
    }

    @Test func replayingANoticeStillWaitingIsAConflict() async throws {
        let desk = RecordingDesk(replayConflict: "notice 'msg_1' is still pending; it will be sent without a replay")
        try await withApp(desk: desk) { client in
            try await client.execute(uri: "/api/v1/notices/msg_1/replay", method: .post, headers: auth) { response in
                #expect(response.status == .conflict)
                #expect(Self.errorMessage(response.body)?.contains("still pending") == true)
            }
        }
    }
}

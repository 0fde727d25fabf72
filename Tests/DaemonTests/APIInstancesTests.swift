import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Daemon

/// `GET /api/v1/instances`, the `forewarn_leader` gauge and the instances in `forewarn status`'s text.
struct APIInstancesTests {
    let auth: HTTPFields = [.authorization: "Bearer \(APIFixture.token)"]
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// Two instances on a shared store; the other one leads.
    struct TwoInstances: InstanceSource {
        var instanceID: String { "b" }
        func leads(at now: Date) -> Bool { false }
        func instances(at now: Date) async throws -> [InstanceStatus] {
            [
                InstanceStatus(id: "a", host: "h1", pid: 11, startedAt: t0, lastSeen: now - 2, leader: true),
                InstanceStatus(id: "b", host: "h2", pid: 22, startedAt: t0, lastSeen: now, leader: false),
            ]
        }
    }

    func withApp(
        instances: (any InstanceSource)?, _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        var dependencies = try await APIFixture.dependencies()
        if let instances { dependencies.instances = instances }
        let app = Application(router: APIRouter.make(dependencies))
        try await app.test(.router) { client in try await body(client) }
    }

    @Test func withoutASharedStoreThisInstanceIsTheOnlyOneAndLeads() async throws {
        let id = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
        try await withApp(instances: nil) { client in
            try await client.execute(uri: "/api/v1/instances", method: .get, headers: auth) { response in
                #expect(response.status == .ok)
                struct Reply: Decodable { var instance: String; var instances: [InstanceStatus] }
                let decoder = JSONDecoder()
                decoder.dateDecodingStrategy = .iso8601
                let reply = try decoder.decode(Reply.self, from: Data(response.body.readableBytesView))
                #expect(reply.instance == id)
                #expect(reply.instances.map(\.id) == [id])
                #expect(reply.instances.first?.leader == true)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(String(buffer: response.body).contains(#"forewarn_leader{instance="\#(id)"} 1"#))
            }
            try await client.execute(uri: "/api/v1/instances", method: .get) { #expect($0.status == .unauthorized) }
        }
    }

    @Test func aSharedStoreListsEveryInstanceAndTheGaugeSaysThisOneDoesNotLead() async throws {
        try await withApp(instances: TwoInstances()) { client in
            try await client.execute(uri: "/api/v1/instances", method: .get, headers: auth) { response in
                let text = String(buffer: response.body)
                #expect(text.contains(#""instance":"b""#))
                #expect(text.contains(#""id":"a","lastSeen""#))
                #expect(text.contains(#""leader":true,"pid":11"#))
                #expect(text.contains(#""leader":false,"pid":22"#))
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains(#"forewarn_leader{instance="b"} 0"#))
                #expect(!text.contains(#"instance="a""#))
            }
        }
    }

    @Test func statusTextNamesTheLeaderAndEveryInstance() async throws {
        let now = Self.t0 + 3_600
        var snapshot = StatusSnapshot(plans: 2, signals: [], occurrences: [], problems: [])
        snapshot.instances = try await TwoInstances().instances(at: now)
        snapshot.instances?[0].lastSeen = now - 125
        let text = snapshot.text(now: now)
        #expect(text.contains("instances:\n  a [leader] h1 pid 11, seen 2m ago"))
        #expect(text.contains("\n  b [dispatcher] h2 pid 22, seen just now"))
    }
}

import Daemon
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Yams

/// openapi.yaml (repository top level) and the router describe the same operations.
struct OpenAPIConformanceTests {
    static func operations() throws -> [String] {
        let url = DaemonProcess.repository.appendingPathComponent("openapi.yaml")
        let document = try Yams.load(yaml: String(contentsOf: url, encoding: .utf8)) as? [String: Any]
        let paths = document?["paths"] as? [String: [String: Any]] ?? [:]
        return paths.flatMap { path, methods in
            methods.keys.filter { ["get", "post", "put", "delete", "patch"].contains($0) }.map {
                "\($0.uppercased()) \(path)"
            }
        }.sorted()
    }

    @Test func theDocumentListsExactlyTheRouterOperations() throws {
        #expect(try Self.operations() == APIRouter.routes.sorted())
    }

    @Test func everyDocumentedOperationIsRouted() async throws {
        let operations = try Self.operations()
        #expect(operations.count >= 12)
        let app = Application(router: APIRouter.make(try await APIFixture.dependencies()))
        try await app.test(.router) { client in
            for operation in operations {
                let parts = operation.split(separator: " ")
                let uri = String(parts[1]).replacingOccurrences(of: "{name}", with: "queue_depth")
                    .replacingOccurrences(of: "{id}", with: "n1")
                let method = HTTPRequest.Method(String(parts[0]))!
                try await client.execute(
                    uri: uri, method: method, headers: [.authorization: "Bearer \(APIFixture.token)"]
                ) { response in
                    #expect(response.status != .notFound, "\(operation) is not routed")
                    #expect(response.status != .methodNotAllowed, "\(operation) is not routed")
                }
            }
        }
    }
}

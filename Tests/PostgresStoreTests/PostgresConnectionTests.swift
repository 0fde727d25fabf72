import Foundation
import Store
import TestPeers
import Testing

@testable import PostgresStore

/// Start-up: URL parsing and a bounded, explained connection failure.
@Suite struct PostgresConnectionTests {
    @Test func parsesTheStoreURLAndRefusesPasswordsInIt() throws {
        let location = try PostgresLocation(url: "postgres://forewarn@db.example:6543/outbox")
        #expect(location == PostgresLocation(user: "forewarn", host: "db.example", port: 6543, database: "outbox"))
        #expect(try PostgresLocation(url: "postgresql://u@h/d").port == 5432)
        let error = #expect(throws: StoreError.self) { try PostgresLocation(url: "postgres://u:secret@h/d") }
        #expect(error?.description.contains("secret") == false)
        #expect(throws: StoreError.self) { try PostgresLocation(url: "postgres://h/d") }
        #expect(throws: StoreError.self) { try PostgresLocation(url: "postgres://u@h") }
        #expect(throws: StoreError.self) { try PostgresLocation(url: "mysql://u@h/d") }
    }

    @Test func readsThePasswordFromTheCredentialDirectoryBeforeTheEnvironment() throws {
        let directory = NSTemporaryDirectory() + "/forewarn-cred-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try PostgresLocation.password(environment: ["FOREWARN_PG_PASSWORD": "env"]) == "env")
        #expect(try PostgresLocation.password(environment: [:]) == nil)
        try "from-file\n".write(toFile: directory + "/postgres-password", atomically: true, encoding: .utf8)
        let environment = ["CREDENTIALS_DIRECTORY": directory, "FOREWARN_PG_PASSWORD": "env"]
        #expect(try PostgresLocation.password(environment: environment) == "from-file")
    }

    @Test func aClosedPortFailsWithinTheTimeoutSayingWhatToCheck() async throws {
        let port = try PostgresServer.freePort()  // nothing listens there
        let location = PostgresLocation(user: "forewarn", host: "127.0.0.1", port: port, database: "outbox")
        let error = await #expect(throws: StoreError.self) {
            _ = try await PostgresStore.connect(
                to: location, password: "hunter2", instanceID: "a", connectTimeout: .seconds(2))
        }
        let message = error?.description ?? ""
        #expect(message.contains("127.0.0.1:\(port)"))
        #expect(message.contains("pg_hba.conf"))
        #expect(!message.contains("hunter2"))
    }

    @Test func anUnroutableHostFailsWithinTheTimeout() async throws {
        // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never routed: the connect hangs until our timeout (or fails at once
        // where no route exists); either way the error names the host and port.
        let location = PostgresLocation(user: "forewarn", host: "192.0.2.1", port: 5432, database: "outbox")
        let error = await #expect(throws: StoreError.self) {
            _ = try await PostgresStore.connect(
                to: location, password: nil, instanceID: "a", connectTimeout: .seconds(1))
        }
        #expect(error?.description.contains("192.0.2.1:5432") == true)
    }
}

import Foundation
import PostgresStore
import Store
import Testing

/// `?sslmode=` and `?sslrootcert=` of the store URL against a real PostgreSQL with `ssl=on` and a self-signed
/// certificate for `db.example` and `localhost` (so `verify-full` passes to localhost and fails to 127.0.0.1), and
/// against the plain test server.
@Suite(
    .serialized,
    .enabled(
        if: PostgresServer.binaries != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"),
        "needs PostgreSQL (Debian postgresql) and the openssl command"))
struct PostgresTLSTests {
    /// The TLS version of a store opened on `url`, nil when unencrypted.
    static func encryption(_ url: String) async throws -> String? {
        let store = try await PostgresStore.connect(
            to: try PostgresLocation(url: url), password: nil, instanceID: "tls-test", connectTimeout: .seconds(10))
        defer { store.close() }
        return try await store.encryption()
    }

    @Test func sslModesEncryptAndVerifyAsLibpqDoes() async throws {
        let server = try PostgresServer(tls: true)
        defer { server.stop() }
        let certificate = try #require(server.certificate)
        try PostgresServer.makeCertificate(in: server.directory, name: "stranger", owner: nil)
        let stranger = server.directory + "/stranger.crt"
        let base = "postgres://forewarn@127.0.0.1:\(server.port)/postgres"

        #expect(try await Self.encryption(base + "?sslmode=disable") == nil)
        #expect(try await Self.encryption(base)?.hasPrefix("TLSv1") == true, "prefer is the default")
        #expect(try await Self.encryption(base + "?sslmode=require")?.hasPrefix("TLSv1") == true)
        #expect(try await Self.encryption(base + "?sslmode=verify-ca&sslrootcert=\(certificate)") != nil)
        await #expect(throws: StoreError.self, "a chain from an authority not trusted") {
            _ = try await Self.encryption(base + "?sslmode=verify-ca&sslrootcert=\(stranger)")
        }
        await #expect(throws: StoreError.self, "require with a root file checks the chain as verify-ca does") {
            _ = try await Self.encryption(base + "?sslmode=require&sslrootcert=\(stranger)")
        }
        let local = "postgres://forewarn@localhost:\(server.port)/postgres"
        #expect(try await Self.encryption(local + "?sslmode=verify-full&sslrootcert=\(certificate)") != nil)
        await #expect(throws: StoreError.self, "the certificate names localhost and db.example, not 127.0.0.1") {
            _ = try await Self.encryption(base + "?sslmode=verify-full&sslrootcert=\(certificate)")
        }
        await #expect(throws: StoreError.self, "a self-signed certificate is not among the system's authorities") {
            _ = try await Self.encryption(base + "?sslmode=verify-ca")
        }
    }

    @Test func requireRefusesAServerWithoutTLSAndPreferFallsBack() async throws {
        let location = try await TestDatabase.make()
        #expect(try await Self.encryption("\(location)") == nil, "prefer connects in plain to a server without TLS")
        await #expect(throws: StoreError.self) { _ = try await Self.encryption("\(location)?sslmode=require") }
    }

    @Test(arguments: [
        ("?sslmode=strict", "sslmode 'strict' is not one of disable, prefer, require, verify-ca, verify-full"),
        ("?timeout=5", "parameter 'timeout' is not understood; use sslmode= and sslrootcert="),
        ("?sslrootcert=", "sslrootcert is empty"),
    ])
    func badParametersSayWhatIsAccepted(query: String, message: String) throws {
        #expect {
            _ = try PostgresLocation(url: "postgres://forewarn@db.example/forewarn" + query)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func aMissingRootFileIsNamed() async throws {
        let url = "postgres://forewarn@127.0.0.1:9/forewarn?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem"
        let location = try PostgresLocation(url: url)
        #expect(location.tls == .verifyFull)
        #expect("\(location)" == url, "the description round-trips the TLS parameters")
        await #expect {
            _ = try await PostgresStore.connect(to: location, password: nil, instanceID: "tls-test")
        } throws: { error in
            "\(error)".contains("cannot read sslrootcert '/nonexistent/ca.pem'")
        }
    }
}

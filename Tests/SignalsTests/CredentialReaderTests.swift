import Foundation
import TestPeers
import Testing

@testable import Signals

/// Secrets from the systemd credentials directory, else the environment.
struct CredentialReaderTests {
    @Test func prefersTheCredentialsDirectory() throws {
        let directory = try TestEnvironment.makeTemporaryDirectory("creds")
        defer { try? FileManager.default.removeItem(at: directory) }
        try "s3cret\n".write(to: directory.appendingPathComponent("api-token"), atomically: true, encoding: .utf8)
        let reader = CredentialReader(environment: [
            "CREDENTIALS_DIRECTORY": directory.path, "FOREWARN_API_TOKEN": "env",
        ])
        #expect(try reader.read("api-token").get() == "s3cret")
    }

    @Test func fallsBackToTheEnvironment() throws {
        let reader = CredentialReader(environment: ["FOREWARN_API_TOKEN": "from-env"])
        #expect(try reader.read("api-token").get() == "from-env")
    }

    @Test func saysWhereItLookedWhenMissing() {
        let reader = CredentialReader(environment: ["CREDENTIALS_DIRECTORY": "/nonexistent"])
        let result = reader.read("api-token")
        #expect(result.failure?.code == .local)
        #expect(
            result.failure?.message == "credential 'api-token' not found (looked in /nonexistent/api-token and the "
                + "environment variable FOREWARN_API_TOKEN); add LoadCredential=api-token:/path/to/secret to the unit, "
                + "or set FOREWARN_API_TOKEN")
    }

    @Test func refusesNamesThatEscapeTheDirectory() {
        let reader = CredentialReader(environment: [:])
        #expect(reader.read("../etc/shadow").failure?.code == .local)
        #expect(!CredentialReader.isValidName("a/b"))
        #expect(!CredentialReader.isValidName(".."))
        #expect(CredentialReader.isValidName("prom.token_1"))
    }
}

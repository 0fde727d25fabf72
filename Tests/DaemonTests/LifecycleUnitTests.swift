import Foundation
import Testing

@testable import Daemon

/// The pure parts of the lifecycle: addresses, status lines, watchdog ticks, tokens.
struct LifecycleUnitTests {
    @Test func listenAddressesParse() throws {
        #expect(try ListenAddress(parsing: "127.0.0.1:9330") == .tcp(host: "127.0.0.1", port: 9330))
        #expect(try ListenAddress(parsing: "[::1]:80") == .tcp(host: "::1", port: 80))
        #expect(try ListenAddress(parsing: "unix:/run/forewarn/api.sock") == .unix(path: "/run/forewarn/api.sock"))
        for bad in ["9330", "host:99999", ":80", "unix:relative"] {
            #expect(throws: DaemonStartError.self) { try ListenAddress(parsing: bad) }
        }
    }

    @Test func statusLineShowsPlansNextAndPending() {
        let now = Date(timeIntervalSince1970: 0)
        let next = UpcomingOccurrence(
            planID: "cyberday-overload", step: "warn", onset: now.addingTimeInterval(3 * 86_400 + 2 * 3_600 + 59),
            leadSeconds: 3_600, state: "scheduled")
        #expect(
            StatusLine.make(plans: 4, next: next, pending: 0, now: now)
                == "4 plans; next: cyberday-overload in 3d 2h; 0 pending")
        #expect(StatusLine.make(plans: 1, next: nil, pending: nil, now: now) == "1 plans")
    }

    @Test func watchdogTickIsAThirdOfTheTimeoutAndIdleWithoutOne() {
        #expect(Watchdog(timeout: .seconds(2)).tick() == .seconds(2) / 3)
        #expect(Watchdog(timeout: .seconds(60)).tick() == .seconds(5))
        #expect(Watchdog(timeout: nil).tick() == .seconds(5))
    }

    @Test func theTokenComesFromTheCredentialFirst() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fw-cred-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "credential-token-0123456789\n".write(
            to: directory.appendingPathComponent("api-token"), atomically: true, encoding: .utf8)
        let token = try APIToken.load(environment: [
            "CREDENTIALS_DIRECTORY": directory.path, "FOREWARN_API_TOKEN": "environment-token-0123",
        ])
        #expect(token == APIToken("credential-token-0123456789"))
        #expect(
            try APIToken.load(environment: ["FOREWARN_API_TOKEN": "environment-token-0123"])
                == APIToken("environment-token-0123"))
        #expect(try APIToken.load(environment: [:]) == nil)
        #expect(throws: DaemonStartError.self) { try APIToken.load(environment: ["FOREWARN_API_TOKEN": "short"]) }
        #expect(token?.accepts(authorization: "Bearer credential-token-0123456789") == true)
        #expect(token?.accepts(authorization: "Bearer credential-token-012345678") == false)
        #expect(token?.accepts(authorization: nil) == false)
    }
}

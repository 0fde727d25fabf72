import Engine
import Foundation
import PostgresStore
import Store
import TestPeers
import Testing

/// Two `forewarn run --store postgres://…` daemons: one leads; after it is killed the other leads within the
/// stated bound (lease 10 s + one heartbeat interval of 10/3 s, plus one late beat), never before the old
/// lease expired; a standby shows the occurrences the leader stored; a graceful stop releases the lease.
@Suite(
    .serialized,
    .enabled(
        if: PostgresServer.binaries != nil && FileManager.default.isExecutableFile(atPath: forewarnBinary),
        "needs PostgreSQL (Debian postgresql) and the forewarn executable built beside the tests"))
struct LeaderHandOverTests {
    static let lease: TimeInterval = 10
    static let interval: TimeInterval = 10.0 / 3
    static let token = "hand-over-token-0123456789"

    /// The output of `forewarn status` against the daemon on `port`.
    static func status(port: Int) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: forewarnBinary)
        process.arguments = ["status", "--url", "http://127.0.0.1:\(port)"]
        process.environment = ProcessInfo.processInfo.environment.merging(["FOREWARN_API_TOKEN": token]) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func killingTheLeaderHandsTheLeaseToTheOtherDaemon() async throws {
        let location = try await TestDatabase.make()
        var template = Array((NSTemporaryDirectory() + "/forewarn-lead-XXXXXX").utf8CString)
        let directory = String(cString: try #require(mkdtemp(&template)))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let plans = try #require(Bundle.module.url(forResource: "plans", withExtension: nil, subdirectory: "Fixtures"))
        var ports: [String: Int] = [:]
        func daemon(_ name: String) throws -> ChildProcess {
            try FileManager.default.createDirectory(
                atPath: "\(directory)/\(name)", withIntermediateDirectories: true)
            let port = try PostgresServer.freePort()
            ports[name] = port
            return try ChildProcess(
                executable: forewarnBinary,
                arguments: [
                    "run", "--plans", plans.path, "--state", "\(directory)/\(name)", "--listen",
                    "127.0.0.1:\(port)", "--store", "\(location)",
                ],
                stdoutPath: "\(directory)/\(name).log", stderrPath: "\(directory)/\(name).log",
                extraEnvironment: ["FOREWARN_INSTANCE_ID": name, "NOTIFY_SOCKET": "", "FOREWARN_API_TOKEN": Self.token])
        }
        let checker = try await TestDatabase.store(location, instance: "checker")
        let lease = LeaderLease(store: checker)
        // An open occurrence a former leader stored (its plan since removed, so no engine touches it).
        #expect(try await lease.acquire(now: Date()) != nil)
        let former = PostgresOccurrenceStore(store: checker)
        try await former.load(now: Date())
        var kept = Occurrence(
            plan: "retired-plan", triggerKey: "calendar:inventory", onset: Date(timeIntervalSinceNow: 3 * 3600),
            end: nil, foreseenAt: Date())
        kept.state = .notified
        former.save(kept)
        try await former.write(now: Date())
        try await lease.release()
        let first = try daemon("first")
        defer { first.stop() }
        #expect(await waitAsyncly(seconds: 60) { try await lease.holder()?.instance == "first" })
        let second = try daemon("second")
        defer { second.stop() }
        #expect(
            await waitAsyncly(seconds: 60) {
                try await checker.instances(seenSince: .distantPast, now: Date()).map(\.id).contains("second")
            })
        try await Task.sleep(for: .seconds(Self.interval * 2))
        #expect(try await lease.holder()?.instance == "first", "the standby must not take a live lease")
        let before = try Self.status(port: try #require(ports["second"]))
        #expect(before.contains("  first [leader]"), "forewarn status on the standby: \(before)")
        #expect(before.contains("  second [dispatcher]"), "forewarn status on the standby: \(before)")
        #expect(
            before.contains("  retired-plan calendar:inventory in 2h") && before.contains("[notified]"),
            "the standby shows the occurrences the leader keeps: \(before)")

        first.send(SIGKILL)
        first.stop()
        let old = try #require(try await lease.holder())
        #expect(old.instance == "first")
        #expect(await waitAsyncly(seconds: 60) { try await lease.holder()?.instance == "second" })
        let acquired = try #require(try await lease.holder()).acquiredAt
        let lastRenewal = old.expiresAt.addingTimeInterval(-Self.lease)
        #expect(acquired >= old.expiresAt, "taken over at \(acquired), before the old lease expired (\(old.expiresAt))")
        let handOver = acquired.timeIntervalSince(lastRenewal)
        #expect(handOver <= Self.lease + 2 * Self.interval, "hand-over took \(handOver) s after the last renewal")
        let listed = try await checker.instances(seenSince: .distantPast, now: Date())
        #expect(listed.first { $0.isLeader }?.id == "second")
        let after = try Self.status(port: try #require(ports["second"]))
        #expect(after.contains("  second [leader]"), "forewarn status after the hand-over: \(after)")
        #expect(after.contains("  first [dispatcher]"), "forewarn status after the hand-over: \(after)")

        second.send(SIGTERM)
        #expect(await waitAsync(timeout: .seconds(20)) { !second.isRunning }, "second did not stop on SIGTERM")
        #expect(try await lease.holder()?.expiresAt == Date(timeIntervalSince1970: 0), "a clean stop releases it")
    }
}

/// Polls an async `condition` every 100 ms (errors count as "not yet"); returns whether it held in time.
func waitAsyncly(seconds: Double, _ condition: () async throws -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if (try? await condition()) == true { return true }
        try? await Task.sleep(for: .milliseconds(100))
    }
    return (try? await condition()) == true
}

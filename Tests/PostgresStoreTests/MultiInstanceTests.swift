import Foundation
import PostgresStore
import Store
import TestPeers
import Testing

/// The `forewarn` executable built beside the test bundle (SwiftPM builds every product for `swift test`).
let forewarnBinary = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("forewarn").path

/// Several `forewarn delivery-soak` processes share one PostgreSQL database during a fan-out while some are
/// killed (SIGKILL) and restarted at random: every notice is delivered, none under two ids, and the receiver's
/// log shows no notice attempted by two instances at once.
@Suite(
    .serialized,
    .enabled(
        if: PostgresServer.binaries != nil && FileManager.default.isExecutableFile(atPath: forewarnBinary)
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"),
        "needs PostgreSQL (Debian postgresql), python3 and the forewarn executable built beside the tests"))
struct MultiInstanceTests {
    static let notices = 10_000
    static let kills = 8

    @Test(arguments: [2, 3])
    func instancesKilledAtRandomDeliverEveryNoticeOnceAndNeverAtOnce(instances: Int) async throws {
        let location = try await TestDatabase.make()
        let receiver = try InstanceReceiver()
        defer { receiver.stop() }
        var template = Array((NSTemporaryDirectory() + "/forewarn-multi-XXXXXX").utf8CString)
        let directory = String(cString: try #require(mkdtemp(&template)))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let arguments = [
            "delivery-soak", "--store", "\(location)", "--url", receiver.url, "--notices", String(Self.notices),
            "--concurrency", "16", "--claim-timeout", "4",
        ]
        var generation = 0
        func start(_ slot: Int) throws -> ChildProcess {
            generation += 1
            let name = "slot\(slot)-gen\(generation)"
            return try ChildProcess(
                executable: forewarnBinary, arguments: arguments, stdoutPath: "\(directory)/\(name).out",
                stderrPath: "\(directory)/\(name).err", extraEnvironment: ["FOREWARN_INSTANCE_ID": name])
        }
        var running = try (0..<instances).map { try start($0) }
        var killed: [(slot: Int, afterMilliseconds: Int)] = []
        for _ in 0..<Self.kills {
            let milliseconds = Int.random(in: 500...4000)
            try await Task.sleep(for: .milliseconds(milliseconds))
            let slot = Int.random(in: 0..<instances)
            running[slot].send(SIGKILL)
            running[slot].stop()
            killed.append((slot, milliseconds))
            running[slot] = try start(slot)
        }
        let finished = await waitAsync(timeout: .seconds(600)) { running.allSatisfy { !$0.isRunning } }
        running.forEach { $0.stop() }
        #expect(finished, "the instances did not finish; logs in \(directory)")

        let store = try await TestDatabase.store(location, instance: "checker")
        #expect(try await store.countByState() == [.delivered: Self.notices], "kills: \(killed)")
        let entries = try receiver.entries()
        var idsByStep: [String: Set<String>] = [:]
        var attemptsByID: [String: [InstanceReceiver.Entry]] = [:]
        for entry in entries {
            idsByStep[entry.step ?? "?", default: []].insert(entry.id)
            attemptsByID[entry.id, default: []].append(entry)
        }
        #expect(Set(idsByStep.keys) == Set((0..<Self.notices).map(String.init)), "kills: \(killed)")
        let doubled = idsByStep.filter { $0.value.count != 1 }
        #expect(doubled.isEmpty, "steps sent under several ids: \(doubled.prefix(5)); kills: \(killed)")
        var overlapping: [String] = []
        for (id, attempts) in attemptsByID where attempts.count > 1 {
            let sorted = attempts.sorted { $0.start < $1.start }
            for (earlier, later) in zip(sorted, sorted.dropFirst())
            where later.start < earlier.end && later.instance != earlier.instance {
                overlapping.append("\(id): \(earlier.instance) and \(later.instance)")
            }
        }
        #expect(overlapping.isEmpty, "attempted by two instances at once: \(overlapping.prefix(5))")
        let senders = Set(entries.map(\.instance))
        #expect(senders.count >= instances, "the work was not shared: only \(senders) sent")
        #expect(!senders.contains(""), "a request came without the forewarn-instance header")
    }
}

/// Polls `condition` every 50 ms without blocking the cooperative pool; returns whether it held in time.
func waitAsync(timeout: Duration, _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return condition()
}

import Foundation
import PostgresStore
import Store
import TestPeers
import Testing

/// `forewarn receivers test` and `forewarn notices replay` with `--store postgres://…`: they send their own notice
/// through the shared outbox and never take another instance's due notice.
@Suite(
    .enabled(
        if: PostgresServer.binaries != nil && FileManager.default.isExecutableFile(atPath: forewarnBinary),
        "needs PostgreSQL (Debian postgresql) and the forewarn executable built beside the tests"))
struct CommandStoreTests {
    /// Runs `forewarn ARGUMENTS` to completion (polled, never a blocking wait); returns its exit code and output.
    static func forewarn(_ arguments: [String], in directory: String) async throws -> (Int32?, String) {
        let log = directory + "/command-\(UUID().uuidString).log"
        let child = try ChildProcess(
            executable: forewarnBinary, arguments: arguments, stdoutPath: log, stderrPath: log,
            extraEnvironment: ["FOREWARN_INSTANCE_ID": "", "NO_COLOR": "1"])
        #expect(await waitAsync(timeout: .seconds(120)) { !child.isRunning }, "forewarn \(arguments) did not finish")
        return (child.exitCode, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    @Test func receiversTestAndReplaySendOnlyTheirOwnNoticeFromTheSharedOutbox() async throws {
        let location = try await TestDatabase.make()
        let fleet = try await TestDatabase.store(location, instance: "fleet-1")
        let other = NoticeRecord(
            id: "msg_other", identity: NoticeIdentity(occurrence: "occ-9", action: "0", step: "start", recipient: "x"),
            receiver: "test-webhook", body: Array("{}".utf8), createdAt: Date(timeIntervalSinceNow: -3_600),
            dueAt: Date(timeIntervalSinceNow: -3_600))
        #expect(try await fleet.insert(other) == .inserted)
        let receiver = try InstanceReceiver()
        defer { receiver.stop() }
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let fixtures = try #require(
            Bundle.module.url(forResource: "plans", withExtension: nil, subdirectory: "Fixtures"))
        let plans = work.path + "/plans"
        try FileManager.default.copyItem(atPath: fixtures.path, toPath: plans)
        try "receivers:\n  test-webhook:\n    kind: webhook\n    url: \(receiver.url)\n".write(
            toFile: plans + "/receivers.yaml", atomically: true, encoding: .utf8)
        let common = ["--plans", plans, "--state", work.path + "/state", "--store", "\(location)"]

        let (status, output) = try await Self.forewarn(
            ["receivers", "test", "test-webhook", "--to", "ops", "--text", "hello"] + common, in: work.path)
        #expect(status == 0, "\(output)")
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("notice:") }, "\(output)")
        let id = String(line.split(separator: " ")[1])
        #expect(line.contains(" delivered"), "\(line)")
        #expect(try await fleet.notice(id: id)?.state == .delivered, "the test notice is in the shared outbox")

        let (replayStatus, replayOutput) = try await Self.forewarn(["notices", "replay", id] + common, in: work.path)
        #expect(replayStatus == 0, "\(replayOutput)")
        #expect(try receiver.entries().map(\.id) == [id, id], "sent once, then replayed under the same webhook-id")
        let untouched = try #require(try await fleet.notice(id: "msg_other"))
        #expect(untouched.state == .pending, "the commands took another instance's due notice")
        #expect(try await fleet.claim(noticeID: "msg_other") == nil)
    }

    @Test func noticesListAndReceiversEnableWorkOnTheSharedOutbox() async throws {
        let location = try await TestDatabase.make()
        let fleet = try await TestDatabase.store(location, instance: "fleet-1")
        let queued = NoticeRecord(
            id: "msg_shared", identity: NoticeIdentity(occurrence: "occ-1", action: "0", step: "start", recipient: "x"),
            receiver: "sms-gateway", body: Array("{}".utf8), createdAt: Date(), dueAt: Date(timeIntervalSinceNow: 600))
        #expect(try await fleet.insert(queued) == .inserted)
        try await fleet.disableReceiver(DisabledReceiver(name: "sms-gateway", reason: "410 Gone", since: Date()))
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let common = ["--state", work.path + "/state", "--store", "\(location)"]

        let (listed, list) = try await Self.forewarn(
            ["notices", "list", "--filter", "pending"] + common, in: work.path)
        #expect(listed == 0, "\(list)")
        #expect(list.contains("msg_shared\t") && list.contains("\tsms-gateway\tpending\t"), "\(list)")
        let (shown, disabled) = try await Self.forewarn(["receivers", "disabled"] + common, in: work.path)
        #expect(shown == 0 && disabled.hasPrefix("sms-gateway\t") && disabled.contains("410 Gone"), "\(disabled)")
        let (enabled, output) = try await Self.forewarn(["receivers", "enable", "sms-gateway"] + common, in: work.path)
        #expect(enabled == 0, "\(output)")
        #expect(try await fleet.disabledReceivers().isEmpty, "enabled in the database every instance reads")
        let (again, refused) = try await Self.forewarn(["receivers", "enable", "sms-gateway"] + common, in: work.path)
        #expect(again != 0 && refused.contains("is not disabled"), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: work.path + "/state/forewarn.sqlite"), "no SQLite was made")
    }

    @Test func aSQLitePathIsRefusedLikeRun() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let (status, output) = try await Self.forewarn(
            ["notices", "replay", "msg_x", "--state", work.path, "--store", work.path + "/other.sqlite"], in: work.path)
        #expect(status != 0)
        #expect(output.contains("is not a postgres:// URL"), "\(output)")
    }
}

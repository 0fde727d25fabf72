import Foundation
import Store
import Testing

/// `forewarn prune` on the state directory's SQLite: the old finished notice goes, the rest stays; a retention
/// shorter than the engine's memory is refused with the reason.
@Suite struct PruneCommandTests {
    @Test func prunesWhatIsOlderThanTheRetentionAndRefusesTooShortOne() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("forewarn-prune-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: state) }
        let store = try SQLiteStore(path: state.path + "/forewarn.sqlite")
        func notice(_ id: String, daysAgo: Double, state: NoticeState) -> NoticeRecord {
            let at = Date(timeIntervalSinceNow: -daysAgo * 86_400)
            return NoticeRecord(
                id: id, identity: NoticeIdentity(occurrence: id, action: "0", step: "start", recipient: "+1"),
                receiver: "sms", body: [1], state: state, createdAt: at, dueAt: at)
        }
        _ = try await store.insert(notice("msg_old", daysAgo: 100, state: .delivered))
        _ = try await store.insert(notice("msg_old_pending", daysAgo: 100, state: .pending))
        _ = try await store.insert(notice("msg_recent", daysAgo: 80, state: .delivered))

        let pruned = try await CommandRunner.runOffPool(["prune", "--retention", "90d", "--state", state.path])
        #expect(pruned.status == 0, "\(pruned.standardError)")
        #expect(pruned.standardOutput.hasPrefix("pruned 1 notices, 0 occurrences, 0 contacts from before "))
        #expect(try await store.notice(id: "msg_old") == nil)
        #expect(try await store.notice(id: "msg_old_pending") != nil)
        #expect(try await store.notice(id: "msg_recent") != nil)

        let refused = try await CommandRunner.runOffPool(["prune", "--retention", "30d", "--state", state.path])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("shorter than 60d"), "\(refused.standardError)")
        #expect(try await store.notice(id: "msg_recent") != nil, "nothing deleted by a refused command")
    }
}

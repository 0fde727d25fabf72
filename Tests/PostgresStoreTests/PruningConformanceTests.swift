import Engine
import Foundation
import PostgresStore
import Store
import Testing

/// `prune(before:)` on both stores: finished notices (with attempts), closed occurrences (with their issued
/// keys) and contacts older than the cutoff go; unfinished notices, open occurrences and younger rows stay.
@Suite struct PruningConformanceTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let cutoff = now.addingTimeInterval(-180 * 86_400)

    static func notice(_ id: String, daysAgo: Double, state: NoticeState) -> NoticeRecord {
        let at = now.addingTimeInterval(-daysAgo * 86_400)
        return NoticeRecord(
            id: id, identity: NoticeIdentity(occurrence: "occ-\(id)", action: "0", step: "start", recipient: "+1"),
            receiver: "sms", body: Array(id.utf8), state: state, createdAt: at, dueAt: at)
    }

    @Test(arguments: StoreBackend.available)
    func finishedNoticesAndOldContactsGoUnfinishedAndYoungOnesStay(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let notices = [
            Self.notice("msg_old_delivered", daysAgo: 200, state: .delivered),
            Self.notice("msg_old_dead", daysAgo: 181, state: .dead),
            Self.notice("msg_old_pending", daysAgo: 200, state: .pending),
            Self.notice("msg_old_deferred", daysAgo: 300, state: .deferred),
            Self.notice("msg_young_delivered", daysAgo: 179, state: .delivered),
        ]
        for notice in notices { #expect(try await store.insert(notice) == .inserted) }
        try await store.recordAttempt(
            AttemptRecord(noticeID: "msg_old_delivered", at: Self.cutoff, status: 200, latency: 0.1, error: nil))
        for daysAgo in [365.0, 181, 179, 1] {
            try await store.recordContact(
                recipient: "r", audience: "customers", at: Self.now.addingTimeInterval(-daysAgo * 86_400))
        }

        let counts = try await store.prune(before: Self.cutoff)
        #expect(counts == PruneCounts(notices: 2, occurrences: 0, contacts: 2))
        #expect(try await store.notice(id: "msg_old_delivered") == nil)
        #expect(try await store.notice(id: "msg_old_dead") == nil)
        #expect(try await store.attempts(noticeID: "msg_old_delivered").isEmpty, "attempts go with their notice")
        for kept in ["msg_old_pending", "msg_old_deferred", "msg_young_delivered"] {
            #expect(try await store.notice(id: kept) != nil, "\(kept) must stay")
        }
        #expect(try await store.contactCount(recipient: "r", audience: "customers", since: .distantPast) == 2)
        #expect(try await store.prune(before: Self.cutoff).isEmpty, "a second pass finds nothing")
        let identity = Self.notice("msg_old_delivered", daysAgo: 200, state: .delivered).identity
        #expect(try await store.notice(identity: identity) == nil, "the identity is free again")
    }

    @Test(arguments: StoreBackend.available)
    func closedOccurrencesGoWithTheirNoticeKeysOpenOnesStay(backend: StoreBackend) async throws {
        let database = try await OccurrenceDatabase.make(backend)
        let old = Self.now.addingTimeInterval(-200 * 86_400)
        let store = try await database.open(now: old)
        func occurrence(_ plan: String, onset: Date, state: OccurrenceState) -> Occurrence {
            var occurrence = Occurrence(
                plan: plan, triggerKey: "calendar:sale", onset: onset, end: nil, foreseenAt: onset - 86_400)
            occurrence.state = state
            store.save(occurrence)
            #expect(store.recordNotice(NoticeKey(occurrence: occurrence.id, action: 0, step: "start", recipient: "x")))
            return occurrence
        }
        let ended = occurrence("ended", onset: old, state: .ended)
        let cancelled = occurrence("cancelled", onset: old, state: .cancelled)
        let open = occurrence("open", onset: old, state: .started)
        let young = occurrence("young", onset: Self.now.addingTimeInterval(-10 * 86_400), state: .ended)
        try await database.persist(store, now: old)

        #expect(try await database.pruner().prune(before: Self.cutoff) == PruneCounts(occurrences: 2))
        let reopened = try await database.open(now: old)
        #expect(reopened.occurrence(id: ended.id) == nil)
        #expect(reopened.occurrence(id: cancelled.id) == nil)
        #expect(reopened.notices(of: ended.id).isEmpty, "the issued keys go with their occurrence")
        #expect(reopened.occurrence(id: open.id)?.state == .started, "an open occurrence is never pruned")
        #expect(reopened.notices(of: open.id).map(\.step) == ["start"])
        #expect(reopened.occurrence(id: young.id)?.state == .ended)
    }
}

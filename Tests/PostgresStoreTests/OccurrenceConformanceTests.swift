import Engine
import Foundation
import PostgresStore
import Store
import Testing

/// The engine's `OccurrenceStore` contract, run against SQLite (`SQLiteOccurrenceStore`) and PostgreSQL
/// (`PostgresOccurrenceStore`), each store reopened like a new process (generalized from
/// Tests/EngineTests/PersistentStoreTests.swift).
@Suite struct OccurrenceConformanceTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func occurrence(
        _ plan: String, _ trigger: String, onset: TimeInterval, foreseen: TimeInterval,
        state: OccurrenceState = .foreseen
    ) -> Occurrence {
        var occurrence = Occurrence(
            plan: plan, triggerKey: trigger, onset: t0.addingTimeInterval(onset), end: nil,
            foreseenAt: t0.addingTimeInterval(foreseen))
        occurrence.state = state
        if state == .cancelled { occurrence.cancelledAt = t0.addingTimeInterval(foreseen + 60) }
        return occurrence
    }

    @Test(arguments: StoreBackend.available)
    func theWorkingSetSurvivesReopeningAndUnpersistedChangesDoNot(backend: StoreBackend) async throws {
        let database = try await OccurrenceDatabase.make(backend)
        let store = try await database.open(now: Self.t0)
        #expect(store.allOccurrences().isEmpty)
        #expect(store.timers() == EngineTimers())
        let late = Self.occurrence("p", "forecast:load", onset: 7_200, foreseen: 0)
        var early = Self.occurrence("p", "event:sale", onset: 3_600, foreseen: 60)
        let other = Self.occurrence("q", "forecast:load", onset: 600, foreseen: 120, state: .cancelled)
        for occurrence in [late, early, other] { store.save(occurrence) }
        early.state = .notified
        early.completedSteps = ["0:before-1h"]
        store.save(early)
        let first = NoticeKey(occurrence: early.id, action: 0, step: "before-1h", recipient: "ops-lead")
        let second = NoticeKey(occurrence: early.id, action: 1, step: "before-1h", recipient: "c1")
        #expect(store.recordNotice(first))
        #expect(!store.recordNotice(first), "a notice key is recorded once")
        #expect(store.recordNotice(second))
        var timers = EngineTimers()
        timers.pendingSince["p|forecast:load"] = Self.t0
        timers.recedingSince[late.id] = Self.t0.addingTimeInterval(30)
        timers.alerted = ["p|load"]
        store.saveTimers(timers)
        try await database.persist(store, now: Self.t0)
        // Changes after the last persist die with the process.
        let lost = Self.occurrence("p", "event:lost", onset: 900, foreseen: 200)
        store.save(lost)
        _ = store.recordNotice(NoticeKey(occurrence: late.id, action: 0, step: "before-2h", recipient: "sre"))

        let reopened = try await database.open(now: Self.t0.addingTimeInterval(300))
        #expect(reopened.openOccurrences(plan: "p").map(\.id) == [early.id, late.id], "by onset")
        #expect(reopened.openOccurrences(plan: "q").isEmpty)
        #expect(reopened.occurrence(id: early.id) == early)
        #expect(reopened.occurrence(id: other.id)?.state == .cancelled)
        #expect(reopened.allOccurrences().map(\.id) == [late.id, early.id, other.id], "by first foreseen")
        #expect(reopened.notices(of: early.id) == [first, second])
        #expect(reopened.notices(of: late.id).isEmpty)
        #expect(!reopened.recordNotice(first), "an issued notice stays issued across a restart")
        #expect(reopened.timers() == timers)
        #expect(reopened.occurrence(id: lost.id) == nil)
    }

    @Test(arguments: StoreBackend.available)
    func closedOccurrencesBeyondTheRetentionAreNotLoaded(backend: StoreBackend) async throws {
        let database = try await OccurrenceDatabase.make(backend)
        let store = try await database.open(now: Self.t0)
        let day: TimeInterval = 86_400
        let oldOpen = Self.occurrence("p", "a", onset: -100 * day, foreseen: -101 * day, state: .started)
        let oldClosed = Self.occurrence("p", "b", onset: -100 * day, foreseen: -101 * day, state: .cancelled)
        let recentClosed = Self.occurrence("p", "c", onset: -10 * day, foreseen: -11 * day, state: .cancelled)
        for occurrence in [oldOpen, oldClosed, recentClosed] { store.save(occurrence) }
        try await database.persist(store, now: Self.t0)
        let reopened = try await database.open(now: Self.t0)
        #expect(Set(reopened.allOccurrences().map(\.id)) == [oldOpen.id, recentClosed.id])
    }

    @Test(arguments: StoreBackend.available)
    func restartsBetweenWarningAndRecessionNeitherRepeatNorMissTheAllClear(backend: StoreBackend) async throws {
        let database = try await OccurrenceDatabase.make(backend)
        let ten = Self.t0  // "10:00"; the forecast crosses at 13:00
        let crossing = ten.addingTimeInterval(3 * 3600)
        let store = try await database.open(now: ten)
        var engine = try EnginePlans.engine(store: store, crossing: crossing)
        let warned = EnginePlans.run(&engine, from: ten, minutes: 65) { _ in crossing }
        #expect(warned.foreseen.count == 1)
        let told = warned.notices.filter { $0.key.step == "before-2h" }
        #expect(Set(told.map(\.key.recipient)) == ["ops-lead", "sre"])
        try await database.persist(store, now: ten.addingTimeInterval(3_600))

        let half = ten.addingTimeInterval(5_400)  // 11:30: the forecast recedes
        let second = try await database.open(now: ten.addingTimeInterval(3_900))
        var restarted = try EnginePlans.engine(store: second, crossing: crossing)
        let held = EnginePlans.run(&restarted, from: ten.addingTimeInterval(3_900), minutes: 25) { _ in crossing }
        #expect(held.notices.isEmpty, "a notice was issued again after the restart: \(held.notices.map(\.key))")
        #expect(held.foreseen.isEmpty)
        _ = EnginePlans.run(&restarted, from: half, minutes: 10) { _ in nil }
        try await database.persist(second, now: half.addingTimeInterval(600))

        // Restarted again inside the cancel debounce (for: 15m from 11:30): it still ends at 11:45.
        let third = try await database.open(now: half.addingTimeInterval(600))
        var again = try EnginePlans.engine(store: third, crossing: nil)
        let receded = EnginePlans.run(&again, from: half.addingTimeInterval(600), minutes: 20) { _ in nil }
        #expect(receded.cancelled.map(\.id) == [try require(told.first).key.occurrence])
        let allClear = receded.notices
        #expect(allClear.allSatisfy { $0.key.step == "cancel" })
        #expect(
            Set(allClear.map(\.key.recipient)) == Set(told.map(\.key.recipient)), "the all-clear goes to those told")
        #expect(
            third.occurrence(id: try require(told.first).key.occurrence)?.cancelledAt == half.addingTimeInterval(900))
    }
}

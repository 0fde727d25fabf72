import Engine
import Foundation
import PostgresStore
import Store
import Testing

/// The engine's occurrences across a leader hand-over on PostgreSQL (injected clock): the new leader loads what
/// the old one stored, does not repeat its notices and sends the all-clear to those it told; a deposed leader's
/// write cannot overwrite the new leader's state.
@Suite(.enabled(if: PostgresServer.binaries != nil, "needs PostgreSQL (Debian postgresql)"))
struct OccurrenceHandOverTests {
    static let ten = Date(timeIntervalSince1970: 1_800_000_000)  // "10:00"; the forecast crosses at 13:00
    static let lease: TimeInterval = 600  // longer than the 5-minute ticks, so a live leader keeps it between them

    /// One tick of the shell as leader: renew the lease, tick, write back.
    static func tick(
        _ engine: inout Engine, store: PostgresOccurrenceStore, lease: LeaderLease, at now: Date, crossing: Date?
    ) async throws -> [Decision] {
        #expect(try await lease.acquire(now: now) != nil, "\(lease.store.instanceID) lost the lease at \(now)")
        let decisions = EnginePlans.run(&engine, from: now, minutes: 5) { _ in crossing }
        try await store.write(now: now)
        return decisions
    }

    @Test func theNextLeaderNeitherRepeatsNoticesNorMissesTheAllClear() async throws {
        let location = try await TestDatabase.make()
        let (a, b) = (
            try await TestDatabase.store(location, instance: "a"), try await TestDatabase.store(location, instance: "b")
        )
        let (leaseA, leaseB) = (
            LeaderLease(store: a, duration: Self.lease), LeaderLease(store: b, duration: Self.lease)
        )
        let crossing = Self.ten.addingTimeInterval(3 * 3600)
        #expect(try await leaseA.acquire(now: Self.ten) != nil)
        let storeA = PostgresOccurrenceStore(store: a)
        try await storeA.load(now: Self.ten)
        var engineA = try EnginePlans.engine(store: storeA, crossing: crossing)
        var byA: [Decision] = []
        for minute in stride(from: 0, through: 60, by: 5) {
            let now = Self.ten.addingTimeInterval(Double(minute) * 60)
            byA += try await Self.tick(&engineA, store: storeA, lease: leaseA, at: now, crossing: crossing)
        }
        let told = byA.notices.filter { $0.key.step == "before-2h" }
        #expect(Set(told.map(\.key.recipient)) == ["ops-lead", "sre"])
        let occurrence = try require(told.first).key.occurrence

        // A dies after its 11:00 tick: its lease runs until 11:10; B takes it then and loads.
        #expect(try await leaseB.acquire(now: Self.ten.addingTimeInterval(3_900)) == nil, "A's lease is still live")
        let takeOver = Self.ten.addingTimeInterval(4_200)
        #expect(try await leaseB.acquire(now: takeOver) != nil)
        let storeB = PostgresOccurrenceStore(store: b)
        try await storeB.load(now: takeOver)
        #expect(storeB.occurrence(id: occurrence)?.state == .notified)
        var engineB = try EnginePlans.engine(store: storeB, crossing: crossing)
        var held: [Decision] = []
        for minute in stride(from: 70, to: 90, by: 5) {
            let now = Self.ten.addingTimeInterval(Double(minute) * 60)
            held += try await Self.tick(&engineB, store: storeB, lease: leaseB, at: now, crossing: crossing)
        }
        #expect(held.notices.isEmpty, "B issued again what A had: \(held.notices.map(\.key))")
        #expect(held.foreseen.isEmpty, "B foresaw again what A had")
        var receded: [Decision] = []
        for minute in stride(from: 90, to: 120, by: 5) {
            let now = Self.ten.addingTimeInterval(Double(minute) * 60)
            receded += try await Self.tick(&engineB, store: storeB, lease: leaseB, at: now, crossing: nil)
        }
        #expect(receded.cancelled.map(\.id) == [occurrence])
        #expect(receded.notices.allSatisfy { $0.key.step == "cancel" && $0.key.occurrence == occurrence })
        #expect(Set(receded.notices.map(\.key.recipient)) == ["ops-lead", "sre"], "the all-clear goes to those A told")
    }

    @Test func aDeposedLeadersWriteDoesNotOverwriteTheNewLeaders() async throws {
        let location = try await TestDatabase.make()
        let (a, b) = (
            try await TestDatabase.store(location, instance: "a"), try await TestDatabase.store(location, instance: "b")
        )
        let (leaseA, leaseB) = (LeaderLease(store: a, duration: 60), LeaderLease(store: b, duration: 60))
        let t0 = Self.ten
        let termA = try require(try await leaseA.acquire(now: t0))
        let storeA = PostgresOccurrenceStore(store: a)
        try await storeA.load(now: t0)
        #expect(storeA.term == termA)
        var occurrence = Occurrence(
            plan: "surge", triggerKey: "forecast:load", onset: t0.addingTimeInterval(3_600), end: nil, foreseenAt: t0)
        occurrence.state = .notified
        storeA.save(occurrence)
        #expect(storeA.recordNotice(NoticeKey(occurrence: occurrence.id, action: 0, step: "before-1h", recipient: "x")))
        try await storeA.write(now: t0)

        // A is cut off; its lease lapses at t0+60 and B takes over, cancels and saves its timers.
        let termB = try require(try await leaseB.acquire(now: t0.addingTimeInterval(61)))
        #expect(termB != termA)
        let storeB = PostgresOccurrenceStore(store: b)
        try await storeB.load(now: t0.addingTimeInterval(61))
        #expect(storeB.notices(of: occurrence.id).map(\.step) == ["before-1h"])
        var cancelled = try require(storeB.occurrence(id: occurrence.id))
        cancelled.state = .cancelled
        cancelled.cancelledAt = t0.addingTimeInterval(62)
        storeB.save(cancelled)
        #expect(storeB.recordNotice(NoticeKey(occurrence: occurrence.id, action: 0, step: "cancel", recipient: "x")))
        var timersB = EngineTimers()
        timersB.alerted = ["surge|load"]
        storeB.saveTimers(timersB)
        try await storeB.write(now: t0.addingTimeInterval(62))

        // A, unaware, writes its own stand; its clock even says its lease is still live.
        occurrence.state = .started
        storeA.save(occurrence)
        _ = storeA.recordNotice(NoticeKey(occurrence: occurrence.id, action: 0, step: "start", recipient: "x"))
        storeA.saveTimers(EngineTimers())
        await #expect(throws: StoreError.self) { try await storeA.write(now: t0.addingTimeInterval(30)) }
        #expect(storeA.term == nil, "fenced out: the working set must be loaded again")
        #expect(!storeA.hasChanges, "the deposed leader's changes are dropped")

        let view = PostgresOccurrenceStore(store: b)
        try await view.load(now: t0.addingTimeInterval(63))
        #expect(view.occurrence(id: occurrence.id)?.state == .cancelled)
        #expect(view.notices(of: occurrence.id).map(\.step) == ["before-1h", "cancel"])
        #expect(view.timers() == timersB)
        await #expect(throws: StoreError.self, "A does not hold the lease: it cannot load") {
            try await storeA.load(now: t0.addingTimeInterval(63))
        }
    }
}

import Foundation
import Store
import Testing

@testable import PostgresStore

/// The leader lease and the instances table on a real PostgreSQL server.
@Suite(
    .enabled(
        if: PostgresServer.binaries != nil,
        "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (install the Debian package postgresql)"))
struct LeaderLeaseTests {
    let t0 = StoreConformanceTests.t0

    @Test func onlyOneInstanceHoldsTheLeaseUntilItExpires() async throws {
        let location = try await TestDatabase.make()
        let a = LeaderLease(store: try await TestDatabase.store(location, instance: "a"), duration: 10)
        let b = LeaderLease(store: try await TestDatabase.store(location, instance: "b"), duration: 10)
        #expect(try await a.tryAcquire(now: t0))
        #expect(try await b.tryAcquire(now: t0.addingTimeInterval(1)) == false)
        #expect(try await a.renew(now: t0.addingTimeInterval(5)))
        #expect(try await b.tryAcquire(now: t0.addingTimeInterval(14)) == false, "renewed until t0+15")
        #expect(try await b.renew(now: t0.addingTimeInterval(14)) == false, "b never held it")
        #expect(try await a.holder()?.instance == "a")
        #expect(try await a.holder()?.expiresAt == t0.addingTimeInterval(15))
    }

    /// Hand-over bound: the leader stops renewing at `last`; a standby polling every `interval` takes over no
    /// later than `last + duration + interval`.
    @Test func aStandbyTakesOverWithinDurationPlusOneIntervalAfterTheLeaderStops() async throws {
        let location = try await TestDatabase.make()
        let duration: TimeInterval = 10
        let interval: TimeInterval = 2
        let a = LeaderLease(store: try await TestDatabase.store(location, instance: "a"), duration: duration)
        let b = LeaderLease(store: try await TestDatabase.store(location, instance: "b"), duration: duration)
        var clock = t0
        #expect(try await a.tryAcquire(now: clock))
        let last = t0.addingTimeInterval(3)
        #expect(try await a.renew(now: last))  // the leader's last renewal; it dies now
        var takeover: Date?
        while takeover == nil && clock < t0.addingTimeInterval(60) {
            clock += interval
            if try await b.tryAcquire(now: clock) { takeover = clock }
        }
        let took = try #require(takeover)
        #expect(took >= last.addingTimeInterval(duration), "no take-over while the lease was valid")
        #expect(took <= last.addingTimeInterval(duration + interval), "took over at \(took), last renewal \(last)")
        #expect(try await a.renew(now: took) == false, "the old leader learns it lost the lease")
        #expect(try await a.holder()?.instance == "b")
    }

    @Test func releasingHandsOverAtOnce() async throws {
        let location = try await TestDatabase.make()
        let a = LeaderLease(store: try await TestDatabase.store(location, instance: "a"), duration: 10)
        let b = LeaderLease(store: try await TestDatabase.store(location, instance: "b"), duration: 10)
        #expect(try await a.tryAcquire(now: t0))
        try await b.release()  // not the holder: nothing changes
        #expect(try await b.tryAcquire(now: t0.addingTimeInterval(1)) == false)
        try await a.release()
        #expect(try await b.tryAcquire(now: t0.addingTimeInterval(1)))
    }

    @Test func heartbeatsElectOneLeaderAndListEveryInstance() async throws {
        let location = try await TestDatabase.make()
        let clock = TestClock(t0)
        var beats: [InstanceHeartbeat] = []
        for name in ["a", "b", "c"] {
            let store = try await TestDatabase.store(location, instance: name, claimTimeout: 30)
            beats.append(
                InstanceHeartbeat(
                    store: store, lease: LeaderLease(store: store, duration: 10), interval: .seconds(2),
                    now: { clock.now }))
        }
        var leaders: [String] = []
        for beat in beats where await beat.beat() { leaders.append(beat.store.instanceID) }
        #expect(leaders == ["a"])
        let listed = try await beats[0].store.instances(seenSince: t0, now: clock.now)
        #expect(listed.map(\.id) == ["a", "b", "c"])
        #expect(listed.map(\.isLeader) == [true, false, false])
        #expect(listed.allSatisfy { $0.pid == Int(ProcessInfo.processInfo.processIdentifier) })
        // "a" stops beating; the others keep beating every 2 s and one of them leads within 10 + 2 s.
        var newLeader: String?
        var elapsed: TimeInterval = 0
        while newLeader == nil && elapsed < 30 {
            clock.advance(by: 2)
            elapsed += 2
            for beat in beats.dropFirst() where await beat.beat() { newLeader = newLeader ?? beat.store.instanceID }
        }
        #expect(newLeader != nil)
        #expect(elapsed <= 12, "hand-over after \(elapsed) s")
        #expect(beats[0].leadership.isLeader(at: clock.now) == false, "a's own flag lapsed with its lease")
        let now = try await beats[1].store.instances(seenSince: clock.now, now: clock.now)
        #expect(now.filter(\.isLeader).map(\.id) == [newLeader].compactMap { $0 })
        #expect(Set(now.map(\.id)) == ["b", "c"])
    }
}

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    /// The current instant.
    var now: Date { lock.withLock { current } }

    /// Moves the clock forward.
    func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}

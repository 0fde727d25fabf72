import Foundation
import Plans
import Synchronization
import Testing

@testable import Daemon

/// A stalled main loop stops the watchdog pings (so systemd restarts the daemon); the engine runs on its own
/// tick and as soon as a signal gets a new sample.
struct MainLoopStallTests {
    final class RecordingSink: NotifySink, @unchecked Sendable {
        let messages = Mutex<[[String: String]]>([])
        func send(_ fields: [(String, String)]) -> Bool {
            messages.withLock { $0.append(Dictionary(fields, uniquingKeysWith: { $1 })) }
            return true
        }
        var pings: Int { messages.withLock { $0.filter { $0["WATCHDOG"] == "1" }.count } }
    }

    /// An engine whose third tick never returns.
    actor StallingEngine: ContingencyEngine {
        var ticks = 0
        func upcoming(at now: Date) async throws -> [UpcomingOccurrence] { [] }
        func apply(_ plans: PlanSet) async {}
        func tick(at now: Date) async {
            ticks += 1
            if ticks >= 3 { try? await Task.sleep(for: .seconds(3_600)) }
        }
    }

    @Test func pingsStopWhenATickStalls() async throws {
        let load: PlanSetLoader = { PlanLoader().load(directory: $0) }
        let set = try #require(load(APIFixture.plansURL().path).planSet)
        let sink = RecordingSink()
        let engine = StallingEngine()
        let loop = MainLoopService(
            watchdog: Watchdog(timeout: .milliseconds(150)), sink: sink,
            plans: PlanRegistry(initial: set, directory: "", loader: load), board: StatusBoard(), engine: engine,
            desk: nil, engineTick: .milliseconds(50))
        let task = Task { try await loop.run() }
        while await engine.ticks < 3 { try await Task.sleep(for: .milliseconds(10)) }
        let atStall = sink.pings
        try await Task.sleep(for: .milliseconds(500))  // ten loop intervals
        #expect(atStall >= 2, "the loop pinged after each finished pass")
        #expect(sink.pings == atStall, "a ping came while the engine pass was stuck")
        task.cancel()
    }

    /// An engine that counts its passes.
    actor CountingEngine: ContingencyEngine {
        var ticks = 0
        func upcoming(at now: Date) async throws -> [UpcomingOccurrence] { [] }
        func apply(_ plans: PlanSet) async {}
        func tick(at now: Date) async { ticks += 1 }
    }

    @Test func aNewSampleBringsTheEnginePassForward() async throws {
        let load: PlanSetLoader = { PlanLoader().load(directory: $0) }
        let set = try #require(load(APIFixture.plansURL().path).planSet)
        let engine = CountingEngine()
        let wakeUp = EngineWakeUp()
        let loop = MainLoopService(
            watchdog: Watchdog(timeout: nil), sink: RecordingSink(),
            plans: PlanRegistry(initial: set, directory: "", loader: load), board: StatusBoard(), engine: engine,
            desk: nil, wakeUp: wakeUp, engineTick: .seconds(3_600))
        let task = Task { try await loop.run() }
        defer { task.cancel() }
        while await engine.ticks < 1 { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(300))
        #expect(await engine.ticks == 1, "with an hourly tick and no sample the engine must not run again")
        wakeUp.fire()
        let deadline = ContinuousClock.now + .seconds(10)
        while await engine.ticks < 2 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await engine.ticks == 2, "a new sample did not bring the engine pass forward")
    }
}

import Foundation
import Testing

@testable import Signals

/// The poll loop on a virtual clock: interval, backoff after failures, reset after success.
struct SignalPollerTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func backsOffOnFailureAndResetsOnSuccess() async throws {
        let clock = VirtualClock(start: start, sleepLimit: 7)
        let monitor = SignalMonitor(
            history: InMemorySignalHistoryStore(), clock: clock, logger: LogRecorder().makeLogger())
        let definition = SignalConfig(
            name: "load", source: .file(FileSourceConfig(path: "/x")), interval: .seconds(10),
            jitter: 0.1, maxBackoff: .seconds(40))
        try await monitor.register(definition)
        let down = Result<RawReading, SignalReadError>.failure(SignalReadError(.unreachable, "down"))
        let source = ScriptedSource(
            [.success(.number(1)), down, down, down, down, .success(.number(2)), .success(.number(3))],
            clock: clock, duration: 1)
        let poller = SignalPoller(
            entries: [.init(definition: definition, source: source)], monitor: monitor, clock: clock,
            random: { 0.5 })  // jitter unit 0: no spread, first poll at +0.5 s
        await poller.run()
        let gaps = zip(source.readTimes.dropFirst(), source.readTimes).map { $0.timeIntervalSince($1) }
        #expect(source.readTimes.first == start.addingTimeInterval(0.5))
        #expect(
            gaps == [10, 20, 40, 40, 40, 10], "interval, then doubling after each failure up to the cap, then back")
        let counters = try #require(await monitor.counters(of: "load"))
        #expect(counters.failed == [.unreachable: 4])
        #expect(counters.accepted == 3)
    }

    @Test func jitterSpreadsPollsWithinTheBand() async throws {
        let clock = VirtualClock(start: start, sleepLimit: 4)
        let monitor = SignalMonitor(
            history: InMemorySignalHistoryStore(), clock: clock, logger: LogRecorder().makeLogger())
        let definition = SignalConfig(
            name: "load", source: .file(FileSourceConfig(path: "/x")), interval: .seconds(100),
            jitter: 0.2)
        try await monitor.register(definition)
        let source = ScriptedSource([.success(.number(1))], clock: clock)
        let units = LockedSequence([0.0, 1.0, 0.0, 0.75])  // first poll, then units 1, 0 and 0.75 map to +1, -1, +0.5
        let poller = SignalPoller(
            entries: [.init(definition: definition, source: source)], monitor: monitor, clock: clock,
            random: { units.next() })
        await poller.run()
        let gaps = zip(source.readTimes.dropFirst(), source.readTimes).map { $0.timeIntervalSince($1) }
        #expect(gaps == [120, 80, 110])
    }
}

/// Hands out fixed values in order (then repeats the last), safely from any task.
final class LockedSequence: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Double]

    init(_ values: [Double]) { self.values = values }

    func next() -> Double {
        lock.withLock { values.count > 1 ? values.removeFirst() : values[0] }
    }
}

import Foundation
import Logging
import Testing

@testable import Signals

/// The monitor: validation, counting per reason, logging once per streak, history, push.
struct SignalMonitorTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    private func makeMonitor(_ definitions: [SignalConfig]) async throws -> (SignalMonitor, LogRecorder, VirtualClock) {
        let recorder = LogRecorder()
        let clock = VirtualClock(start: start)
        let monitor = SignalMonitor(history: InMemorySignalHistoryStore(), clock: clock, logger: recorder.makeLogger())
        for definition in definitions { try await monitor.register(definition) }
        return (monitor, recorder, clock)
    }

    private let load = SignalConfig(
        name: "load", source: .file(FileSourceConfig(path: "/x")),
        interval: .seconds(60), validRange: 0...100)

    @Test func countsRejectionsPerReasonAndLogsOncePerStreak() async throws {
        let (monitor, recorder, _) = try await makeMonitor([load])
        let inputs: [RawReading] = [
            .text("12"), .text("NaN"), .text("nan"), .number(.nan), .text("<html>x</html>"),
            .number(140), .number(150), .text("13"),
        ]
        for (index, input) in inputs.enumerated() {
            await monitor.ingest(.success(input), for: "load", at: start.addingTimeInterval(Double(index) * 60))
        }
        let counters = try #require(await monitor.counters(of: "load"))
        #expect(counters.rejected == [.notANumber: 3, .htmlPage: 1, .outOfRange: 2])
        #expect(counters.accepted == 2)
        let warnings = recorder.messages.filter { $0.level == .warning }.map(\.message)
        #expect(warnings.count == 3, "one warning per streak: NaN, HTML, out of range")
        #expect(warnings.first == "Signal 'load' is unhealthy: bad sample (nan): the value is NaN")
        #expect(recorder.messages.last?.message == "Signal 'load' recovered after 6 bad polls")
        let history = try await monitor.samples(of: "load")
        #expect(history.map(\.value) == [.number(12), .number(13)])
    }

    @Test func unhealthyAndStaleSignalsAllowNoWarnings() async throws {
        let (monitor, _, clock) = try await makeMonitor([load])
        #expect(await monitor.health(of: "load") == .unhealthy(reason: .noSampleYet))
        await monitor.ingest(.success(.number(50)), for: "load", at: start)
        #expect(await monitor.health(of: "load", at: start.addingTimeInterval(1)).allowsWarnings)
        await monitor.ingest(.failure(SignalReadError(.timeout, "slow")), for: "load", at: start.addingTimeInterval(60))
        #expect(
            await monitor.health(of: "load", at: start.addingTimeInterval(61))
                == .unhealthy(reason: .readFailed(SignalReadError(.timeout, "slow"))))
        clock.advance(by: 181)
        #expect(await monitor.health(of: "load") == .stale(since: start.addingTimeInterval(180)))
        #expect(await monitor.health(of: "nosuch") == .unhealthy(reason: .unknownSignal("nosuch")))
    }

    @Test func keepsTheHistoryInTimeOrder() async throws {
        let (monitor, _, _) = try await makeMonitor([load])
        await monitor.ingest(
            .success(.number(5, timestamp: start.addingTimeInterval(120))), for: "load",
            at: start.addingTimeInterval(600))
        await monitor.ingest(
            .success(.number(6, timestamp: start.addingTimeInterval(60))), for: "load",
            at: start.addingTimeInterval(600))
        #expect(try await monitor.samples(of: "load").map(\.value) == [.number(5)])
        #expect(await monitor.counters(of: "load")?.accepted == 2)
    }

    @Test func refusesDefinitionsThatCannotWork() async throws {
        let (monitor, _, _) = try await makeMonitor([])
        let broken = SignalConfig(
            name: "bad name", source: .command(CommandSourceConfig(arguments: ["a", "b"], shell: true)),
            interval: .zero, jitter: 0.9)
        await #expect(throws: SignalConfigError.self) { try await monitor.register(broken) }
        #expect(
            broken.problems == [
                "signal 'bad name': the name must be non-empty and contain no spaces",
                "signal 'bad name': interval must be positive (e.g. 30s)",
                "signal 'bad name': jitter must be between 0 and 0.5 (a fraction of the interval)",
                "signal 'bad name': with shell: true the command must be one string (the shell command line)",
            ])
    }

    @Test func acceptsPushedValuesAndReportsTheRest() async throws {
        let pushed = SignalConfig(name: "orders", source: .push, interval: .seconds(60), validRange: 0...1000)
        let (monitor, _, _) = try await makeMonitor([pushed, load])
        let now = start.addingTimeInterval(600)
        let report = try await monitor.accept(
            samples: [
                .number(5, timestamp: start.addingTimeInterval(120)),
                .number(3, timestamp: start.addingTimeInterval(60)),
                .text("oops", timestamp: start.addingTimeInterval(180)),
                .number(7, timestamp: now.addingTimeInterval(3600)),
                .number(9),
            ], for: "orders", at: now)
        #expect(report.accepted == 3)
        #expect(report.rejected.map(\.reason) == [.nonNumericText, .futureTimestamp])
        let again = try await monitor.accept(
            samples: [.number(5, timestamp: start.addingTimeInterval(120))], for: "orders", at: now)
        #expect(again.ignored == 1 && again.accepted == 0, "a retried push is not stored twice")
        #expect(try await monitor.samples(of: "orders").map(\.value) == [.number(3), .number(5), .number(9)])
        await #expect(throws: PushError.self) { try await monitor.accept(samples: [.number(1)], for: "load", at: now) }
        await #expect(throws: PushError.self) {
            try await monitor.accept(samples: [.number(1)], for: "nosuch", at: now)
        }
    }
}

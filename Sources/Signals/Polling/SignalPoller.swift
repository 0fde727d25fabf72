import Foundation

/// Polls signals on their schedules until cancelled: the thin async shell around `PollSchedule`.
public struct SignalPoller: Sendable {
    /// One signal to poll and the source that reads it.
    public struct Entry: Sendable {
        /// The signal's definition (already registered with the monitor).
        public var definition: SignalConfig
        /// The source that reads it.
        public var source: any SignalSource

        /// Creates an entry.
        public init(definition: SignalConfig, source: any SignalSource) {
            self.definition = definition
            self.source = source
        }
    }

    private let entries: [Entry]
    private let monitor: SignalMonitor
    private let clock: any WallClock
    private let random: @Sendable () -> Double

    /// Creates a poller; `random` returns values in 0..<1 for jitter (injected so tests are deterministic).
    public init(
        entries: [Entry], monitor: SignalMonitor, clock: any WallClock,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.entries = entries
        self.monitor = monitor
        self.clock = clock
        self.random = random
    }

    /// Creates a poller for every polled definition (push signals are skipped), building sources with `factory`.
    public init(definitions: [SignalConfig], factory: SourceFactory, monitor: SignalMonitor, clock: any WallClock) {
        let entries = definitions.compactMap { definition in
            factory.makeSource(for: definition.source).map { Entry(definition: definition, source: $0) }
        }
        self.init(entries: entries, monitor: monitor, clock: clock)
    }

    /// Runs one loop per signal until the task is cancelled; returns when all loops have stopped.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            for entry in entries {
                group.addTask { await self.loop(entry) }
            }
        }
    }

    /// Polls one signal forever: sleep until due, read with its timeout, record, compute the next instant.
    func loop(_ entry: Entry) async {
        let schedule = entry.definition.schedule
        var due = schedule.firstPoll(from: clock.now, jitterUnit: random())
        var failures = 0
        while !Task.isCancelled {
            do { try await clock.sleep(until: due) } catch { return }
            let started = clock.now
            let result = await entry.source.read(timeout: entry.definition.timeout)
            let ended = clock.now
            let outcome = await monitor.ingest(result, for: entry.definition.name, at: ended)
            failures = outcome.isAccepted ? 0 : failures + 1
            due = schedule.nextPoll(
                afterPollStartedAt: started, endedAt: ended, failures: failures,
                jitterUnit: random() * 2 - 1)
        }
    }
}

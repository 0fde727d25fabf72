import Forecast
import Foundation
import Plans
import Signals

/// Replays a period through the very same engine on a virtual clock: traces feed an in-memory signal feed and
/// the forecasters (trained causally, on the samples seen so far), and every decision is recorded.
public struct Simulator {
    /// The settings of a run.
    public struct Settings: Sendable {
        /// The virtual clock's step (default: the plans' `policies.tick`).
        public var tick: TimeInterval
        /// How much history a signal needs before its forecaster is trained (default 7 days).
        public var trainAfter: TimeInterval = 7 * 86_400
        /// How often the forecaster is retrained on the history seen so far (default 7 days).
        public var retrainEvery: TimeInterval = 7 * 86_400

        /// Settings with the given tick.
        public init(tick: TimeInterval) { self.tick = tick }
    }

    /// One recorded decision with the virtual time it was made at.
    public struct Entry: Sendable {
        public var at: Date
        public var decision: Decision
    }

    /// The result of a run.
    public struct Outcome: Sendable {
        public var entries: [Entry]
        /// Every occurrence in the store at the end.
        public var occurrences: [Occurrence]
        /// How many ticks ran.
        public var ticks: Int
        /// Failures to flush the store after a tick (a persistent store; each retried on the next tick).
        public var storeErrors: [String] = []
    }

    public var engine: Engine
    public var settings: Settings
    var feed: InMemorySignalFeed
    var traces: [String: [Forecast.Sample]]

    /// A simulator over `planSet` with traces per signal name; the store defaults to a fresh in-memory one.
    public init(
        planSet: PlanSet, traces: [String: [Forecast.Sample]], settings: Settings? = nil,
        store: any OccurrenceStore = InMemoryOccurrenceStore()
    ) throws {
        engine = try Engine(planSet: planSet, store: store)
        self.settings = settings ?? Settings(tick: planSet.policies.tick.seconds)
        self.traces = traces
        var stale: [String: TimeInterval] = [:]
        for (name, definition) in planSet.signals { stale[name] = definition.staleAfter.seconds }
        for (name, samples) in traces where stale[name] == nil {
            stale[name] = 3 * Self.medianSpacing(samples)
        }
        feed = InMemorySignalFeed(staleAfter: stale)
    }

    /// Runs `[from, to]` and returns every decision.
    public mutating func run(from: Date, to: Date) -> Outcome {
        var entries: [Entry] = []
        var cursor: [String: Int] = [:]
        var trainedAt: [String: Date] = [:]
        let names = engine.signalNames
        var seen: [String: [Signals.Sample]] = [:]
        for (name, samples) in traces {
            let index = samples.firstIndex { $0.time > from } ?? samples.count
            cursor[name] = index
            seen[name] = samples[..<index].map { Signals.Sample(time: $0.time, value: .number($0.value)) }
        }
        feed.samples = seen
        var now = from
        var ticks = 0
        var storeErrors: [String] = []
        while now <= to {
            for (name, samples) in traces {
                var index = cursor[name]!
                while index < samples.count, samples[index].time <= now {
                    let sample = samples[index]
                    feed.samples[name, default: []].append(
                        Signals.Sample(time: sample.time, value: .number(sample.value)))
                    engine.observe(sample, of: name)
                    index += 1
                }
                cursor[name] = index
                train(name, upTo: index, now: now, trainedAt: &trainedAt)
            }
            for decision in engine.tick(now: now, signals: feed.snapshot(names: names, at: now)) {
                entries.append(Entry(at: now, decision: decision))
            }
            do { try engine.store.flush() } catch { storeErrors.append("\(EngineFormat.iso(now)): \(error)") }
            ticks += 1
            now = now.addingTimeInterval(settings.tick)
        }
        return Outcome(
            entries: entries, occurrences: engine.store.allOccurrences(), ticks: ticks, storeErrors: storeErrors)
    }

    /// Trains (or retrains) the signal's forecaster once enough history is seen.
    private mutating func train(_ name: String, upTo index: Int, now: Date, trainedAt: inout [String: Date]) {
        guard let samples = traces[name], index > 0 else { return }
        let span = samples[index - 1].time.timeIntervalSince(samples[0].time)
        if let last = trainedAt[name], now.timeIntervalSince(last) < settings.retrainEvery { return }
        guard span >= settings.trainAfter else { return }
        let season = engine.planSet.signals[name]?.season?.seconds
        let history = Array(samples[..<index])
        if let forecaster = try? SeasonalForecaster(
            history: history, configuration: ForecastConfiguration(season: season))
        {
            engine.forecasters[name] = forecaster
        }
        trainedAt[name] = now
    }

    static func medianSpacing(_ samples: [Forecast.Sample]) -> TimeInterval {
        guard samples.count > 1 else { return 60 }
        let gaps = zip(samples.dropFirst(), samples).map { $0.time.timeIntervalSince($1.time) }.sorted()
        return max(gaps[gaps.count / 2], 1)
    }
}

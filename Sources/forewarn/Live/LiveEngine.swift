import Daemon
import Delivery
import Engine
import Forecast
import Foundation
import Logging
import Plans
import Signals
import Store

/// The daemon's `ContingencyEngine`: the pure `Engine` fed from the live `SignalMonitor`, its notices handed
/// to the `Dispatcher`. Occurrences, the notices issued and the debounce timers persist in `occurrences` (the
/// state database's `SQLiteOccurrenceStore` in `forewarn run`), flushed after each tick's notices are queued.
actor LiveEngine: ContingencyEngine {
    var engine: Engine
    let occurrences: any OccurrenceStore
    let monitor: SignalMonitor
    let dispatcher: Dispatcher
    /// Where the plan's recorded consent (recipients' `consent` column) is copied before a customer notice.
    let recipients: any RecipientStore
    var channels: [String: String]
    let logger: Logger
    /// The newest sample time fed to each signal's forecaster.
    var fedUntil: [String: Date] = [:]
    /// When training a signal's forecaster was last tried (it retries every `retryTraining`).
    var triedTraining: [String: Date] = [:]
    /// How long to wait before trying again to train a forecaster that could not be built.
    let retryTraining: TimeInterval = 600

    /// Creates the engine over `planSet`; `channels` maps receiver names to their policy channel.
    init(
        planSet: PlanSet, monitor: SignalMonitor, dispatcher: Dispatcher, recipients: any RecipientStore,
        channels: [String: String], logger: Logger, occurrences: any OccurrenceStore = InMemoryOccurrenceStore()
    ) throws {
        self.occurrences = occurrences
        engine = try Engine(planSet: planSet, store: occurrences)
        self.monitor = monitor
        self.dispatcher = dispatcher
        self.recipients = recipients
        self.channels = channels
        self.logger = logger
    }

    func tick(at now: Date) async {
        await feedForecasters(at: now)
        let snapshot = await SignalSnapshot.capture(from: monitor, names: engine.signalNames, at: now)
        await act(on: engine.tick(now: now, signals: snapshot))
        do {
            try occurrences.flush()
        } catch {
            logger.error("Cannot persist the engine's occurrences (retried next tick): \(error)")
        }
    }

    func apply(_ plans: PlanSet) async {
        do {
            var rebuilt = try Engine(planSet: plans, store: occurrences, forecasters: engine.forecasters)
            rebuilt.forecasters = engine.forecasters.filter { Self.forecastSignals(of: plans).contains($0.key) }
            engine = rebuilt
            logger.info("Engine took \(plans.plans.count) plans into use")
        } catch {
            logger.error("Engine kept the previous plans: the reloaded set cannot be used: \(error)")
        }
    }

    func upcoming(at now: Date) async throws -> [UpcomingOccurrence] {
        upcoming(of: occurrences.allOccurrences().filter(\.state.isOpen))
    }

    /// `open` occurrences as the API and `STATUS=` show them, soonest first, with their plan's longest lead.
    func upcoming(of open: [Occurrence]) -> [UpcomingOccurrence] {
        open.sorted { $0.onset < $1.onset }.map { occurrence in
            let plan = engine.planSet.plans.first { $0.id == occurrence.plan }
            let lead = plan?.actions.flatMap(\.steps.before).map(\.seconds).max() ?? 0
            return UpcomingOccurrence(
                planID: occurrence.plan, step: occurrence.triggerKey, onset: occurrence.onset, leadSeconds: lead,
                state: occurrence.state.rawValue)
        }
    }
}

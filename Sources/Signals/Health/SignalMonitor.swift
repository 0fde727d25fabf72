import Foundation
import Logging

/// The live registry of signals: validates readings, keeps status and history, logs once per streak,
/// and answers `health(of:)` for the engine.
public actor SignalMonitor {
    private var definitions: [String: SignalConfig] = [:]
    private var statuses: [String: SignalStatus] = [:]
    private let history: any SignalHistoryStore
    private let clock: any WallClock
    private let logger: Logger
    /// Called with a signal's name after each new sample is stored (see `onNewSample`).
    var sampleObservers: [@Sendable (String) -> Void] = []

    /// Creates a monitor writing accepted samples to `history`, reading time from `clock`, logging to `logger`.
    public init(history: any SignalHistoryStore, clock: any WallClock = SystemWallClock(), logger: Logger) {
        self.history = history
        self.clock = clock
        self.logger = logger
    }

    /// Registers (or re-registers, keeping its status) a signal; throws when the definition cannot work.
    public func register(_ definition: SignalConfig) async throws {
        try definition.validate()
        let isNew =
            definitions[definition.name] == nil || statuses[definition.name]?.staleAfter != definition.staleAfter
        definitions[definition.name] = definition
        if isNew {
            statuses[definition.name] = SignalStatus(registeredAt: clock.now, staleAfter: definition.staleAfter)
        }
        try await history.setCapacity(definition.historyCapacity, for: definition.name)
    }

    /// Forgets a signal (after a reload removed it); its history stays in the store.
    public func unregister(_ name: String) {
        definitions[name] = nil
        statuses[name] = nil
    }

    /// The registered definition named `name`.
    public func definition(of name: String) -> SignalConfig? { definitions[name] }

    /// The names of all registered signals, sorted.
    public var signalNames: [String] { definitions.keys.sorted() }

    /// Validates one poll result of `name` made at `now`, records it, and returns the outcome.
    @discardableResult
    public func ingest(_ result: Result<RawReading, SignalReadError>, for name: String, at now: Date) async
        -> PollOutcome
    {
        guard let definition = definitions[name] else {
            return .failed(SignalReadError(.local, "no signal named '\(name)' is registered"))
        }
        let outcome = PollOutcome.make(from: result, validator: definition.validator, at: now)
        await record(outcome, for: name)
        return outcome
    }

    /// Records an already validated outcome: counts it, logs streak changes, appends good samples newer than the
    /// last one to the history.
    public func record(_ outcome: PollOutcome, for name: String) async {
        guard var status = statuses[name] else { return }
        let newest = status.lastGood?.time
        let change = status.record(outcome)
        statuses[name] = status
        log(change, for: name)
        // The history stays in time order: a sample older than the newest stored one is counted, not stored.
        guard case .accepted(let sample) = outcome, newest.map({ sample.time > $0 }) ?? true else { return }
        do {
            try await history.append(sample, to: name)
            for observer in sampleObservers { observer(name) }
        } catch {
            logger.error(
                "Failed to store a sample of signal '\(name)': \(error), ignoring", metadata: ["signal": "\(name)"])
        }
    }

    /// The health of `name` at `now`; an unknown signal is unhealthy.
    public func health(of name: String, at now: Date) -> SignalHealth {
        guard let status = statuses[name] else { return .unhealthy(reason: .unknownSignal(name)) }
        return status.health(at: now)
    }

    /// The health of `name` now (by the monitor's clock).
    public func health(of name: String) -> SignalHealth {
        health(of: name, at: clock.now)
    }

    /// The full status (last good sample, current problem, counters) of `name`.
    public func status(of name: String) -> SignalStatus? { statuses[name] }

    /// The counters of `name`.
    public func counters(of name: String) -> SignalCounters? { statuses[name]?.counters }

    /// The history of `name` since `start` (all when nil), oldest first.
    public func samples(of name: String, since start: Date? = nil) async throws -> [Sample] {
        try await history.samples(of: name, since: start)
    }

    private func log(_ change: SignalStatus.Change?, for name: String) {
        switch change {
        case .problemStarted(let problem)?:
            logger.warning(
                "Signal '\(name)' is unhealthy: \(problem)",
                metadata: ["signal": "\(name)", "signal.problem": "\(problem.streakKey)"])
        case .recovered(let count)?:
            logger.notice("Signal '\(name)' recovered after \(count) bad polls", metadata: ["signal": "\(name)"])
        case nil:
            break
        }
    }
}

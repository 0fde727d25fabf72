import Foundation
import Logging
import Plans
import ServiceLifecycle
import Signals

/// Registers the plans' signals with the monitor and polls them; restarts the pollers after each reload.
public struct SignalService: Service {
    private let plans: PlanRegistry
    private let monitor: SignalMonitor
    private let factory: SourceFactory
    private let logger: Logger

    /// Creates the service.
    public init(plans: PlanRegistry, monitor: SignalMonitor, factory: SourceFactory, logger: Logger) {
        self.plans = plans
        self.monitor = monitor
        self.factory = factory
        self.logger = logger
    }

    /// Registers the signals of `set` (dropping ones no longer defined); returns the definitions that work.
    public static func register(_ set: PlanSet, with monitor: SignalMonitor, logger: Logger) async -> [SignalConfig] {
        let wanted = set.signals.values.map(SignalConfig.init(plan:)).sorted { $0.name < $1.name }
        for name in await monitor.signalNames where set.signals[name] == nil { await monitor.unregister(name) }
        var registered: [SignalConfig] = []
        for config in wanted {
            do {
                try await monitor.register(config)
                registered.append(config)
            } catch {
                logger.error("Signal '\(config.name)' cannot be polled: \(error)")
            }
        }
        return registered
    }

    /// Polls until shutdown, rebuilding the pollers whenever new plans are swapped in.
    public func run() async throws {
        let updates = await plans.updates()
        var set = await plans.current
        await withGracefulShutdownHandler {
            var iterator = updates.makeAsyncIterator()
            while !Task.isCancelled {
                let definitions = await Self.register(set, with: monitor, logger: logger)
                let poller = SignalPoller(
                    definitions: definitions, factory: factory, monitor: monitor, clock: SystemWallClock())
                // One group per plan set: a cancelled group cancels every task added to it later, so the
                // pollers of the next set must not be added to this one.
                let next = await withTaskGroup(of: Void.self) { group in
                    group.addTask { await poller.run() }
                    let next = await iterator.next()
                    group.cancelAll()
                    return next
                }
                guard let next else { break }
                set = next
            }
        } onGracefulShutdown: {
            Task { await plans.finishUpdates() }
        }
    }
}

import Daemon
import Delivery
import Engine
import Foundation
import HTTPTransport
import Logging
import Plans
import PostgresStore
import ServiceLifecycle
import Signals
import Store

/// The engine, dispatcher and notice desk `forewarn run` wires into the daemon, built from the first plan set.
struct LiveWiring {
    /// The engine the main loop ticks.
    let engine: LiveEngine
    /// The API's notice desk.
    let desk: LiveNoticeDesk
    /// The dispatcher's send loop.
    let service: DispatcherService
    /// The monitor the daemon fills and the engine reads.
    let monitor: SignalMonitor
    /// The transport the dispatcher sends through (shut down after the daemon stops).
    let transport: HTTPTransport
    /// The dispatcher (its receivers follow reloads).
    let dispatcher: Dispatcher
    /// The database (SQLite in the state directory, or the shared PostgreSQL).
    let store: any ForewarnStore

    /// Opens `<state>/forewarn.sqlite` (or uses `shared`, a PostgreSQL store) and builds the parts; throws a
    /// `DaemonStartError` saying what to fix.
    init(planSet: PlanSet, stateDirectory: String, logger: Logger, shared: (any ForewarnStore)? = nil) throws {
        do {
            try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw DaemonStartError(errno: EACCES, "cannot create the state directory '\(stateDirectory)': \(error)")
        }
        do { store = try shared ?? SQLiteStore(path: stateDirectory + "/forewarn.sqlite") } catch {
            throw DaemonStartError(errno: EIO, "\(error)")
        }
        let (receivers, channels) = try Self.receivers(of: planSet)
        transport = HTTPTransport(logger: logger)
        dispatcher = try Dispatcher(
            store: store, recipients: store, transport: transport, receivers: receivers, logger: logger,
            options: DispatcherOptions(planSet: planSet),
            onReceiverDisabled: { name, reason in logger.error("Receiver '\(name)' disabled: \(reason)") })
        monitor = SignalMonitor(history: InMemorySignalHistoryStore(), logger: logger)
        engine = try LiveEngine(
            planSet: planSet, monitor: monitor, dispatcher: dispatcher, recipients: store, channels: channels,
            logger: logger, occurrences: try Self.occurrenceStore(for: store))
        desk = LiveNoticeDesk(store: store, dispatcher: dispatcher, logger: logger)
        service = DispatcherService(dispatcher: dispatcher, logger: logger)
    }

    /// The hourly pruning of the store, unless `retention` is off.
    func retention(_ retention: Retention, logger: Logger) -> RetentionService? {
        retention.seconds.map { RetentionService(store: store, retention: $0, logger: logger) }
    }

    /// Where the engine keeps occurrences: the SQLite state database, or the shared PostgreSQL database (loaded
    /// when this instance takes the leader lease, see `SharedStore.gate`), else memory.
    static func occurrenceStore(for store: any ForewarnStore) throws -> any OccurrenceStore {
        if let shared = store as? PostgresStore { return PostgresOccurrenceStore(store: shared) }
        guard let sqlite = store as? SQLiteStore else { return InMemoryOccurrenceStore() }
        do { return try SQLiteOccurrenceStore(store: sqlite) } catch {
            throw DaemonStartError(errno: EIO, "cannot open the occurrence tables: \(error)")
        }
    }

    /// The delivery configurations of a plan set's receivers and each one's policy channel.
    static func receivers(of planSet: PlanSet) throws -> ([ReceiverConfig], [String: String]) {
        var receivers: [ReceiverConfig] = []
        var channels: [String: String] = [:]
        for definition in planSet.receivers.values.sorted(by: { $0.name < $1.name }) {
            do {
                let config = try ReceiverConfig(plan: definition)
                receivers.append(config)
                channels[config.name] = config.kind.channel
            } catch {
                throw DaemonStartError(errno: EINVAL, "receiver '\(definition.name)' cannot be used: \(error)")
            }
        }
        return (receivers, channels)
    }

    /// What a SIGHUP reload does beyond the engine: the dispatcher takes the new receivers, transliterated
    /// audiences and owner alerts; the engine the receivers' channels.
    func reloadHandler(logger: Logger) -> @Sendable (PlanSet) async -> Void {
        { [dispatcher, engine] planSet in
            do {
                let (receivers, channels) = try Self.receivers(of: planSet)
                try dispatcher.replaceReceivers(receivers, options: DispatcherOptions(planSet: planSet))
                await engine.useChannels(channels)
                logger.info("Dispatcher took \(receivers.count) receivers into use")
            } catch {
                logger.error("The dispatcher kept its receivers: the reloaded ones cannot be used: \(error)")
            }
        }
    }
}

extension LiveEngine {
    /// Takes the policy channel of each receiver (after a reload changed the receivers).
    func useChannels(_ channels: [String: String]) { self.channels = channels }
}

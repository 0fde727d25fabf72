import Daemon
import Delivery
import Foundation
import HTTPTransport
import Logging
import Plans
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

    /// Opens `<state>/forewarn.sqlite` and builds the parts; throws a `DaemonStartError` saying what to fix.
    init(planSet: PlanSet, stateDirectory: String, logger: Logger) throws {
        do {
            try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw DaemonStartError(errno: EACCES, "cannot create the state directory '\(stateDirectory)': \(error)")
        }
        let store: SQLiteStore
        do { store = try SQLiteStore(path: stateDirectory + "/forewarn.sqlite") } catch {
            throw DaemonStartError(errno: EIO, "\(error)")
        }
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
        transport = HTTPTransport(logger: logger)
        let dispatcher = try Dispatcher(
            store: store, recipients: store, transport: transport, receivers: receivers, logger: logger,
            onReceiverDisabled: { name, reason in logger.error("Receiver '\(name)' disabled: \(reason)") })
        monitor = SignalMonitor(history: InMemorySignalHistoryStore(), logger: logger)
        engine = try LiveEngine(
            planSet: planSet, monitor: monitor, dispatcher: dispatcher, recipients: store, channels: channels,
            logger: logger, occurrences: try SQLiteOccurrenceStore(store: store))
        desk = LiveNoticeDesk(store: store, dispatcher: dispatcher, logger: logger)
        service = DispatcherService(dispatcher: dispatcher, logger: logger)
    }
}

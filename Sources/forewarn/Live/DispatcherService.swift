import Delivery
import Logging
import ServiceLifecycle

/// Runs the dispatcher's send loop as a service; a graceful shutdown (SIGTERM) stops claiming notices and
/// drains the deliveries in flight for up to `drainLimit`; what is left stays stored for the next start.
struct DispatcherService: Service {
    /// The dispatcher to run.
    let dispatcher: Dispatcher
    /// The logger.
    let logger: Logger
    /// How long a graceful shutdown waits for deliveries in flight.
    var drainLimit: Duration = .seconds(5)

    func run() async throws {
        let stop = DispatcherStop()
        do {
            try await withGracefulShutdownHandler {
                try await dispatcher.run(until: stop, grace: drainLimit)
            } onGracefulShutdown: {
                stop.request()
            }
        } catch is CancellationError {}
        logger.info("Dispatcher stopped")
    }
}

import Delivery
import Logging
import ServiceLifecycle

/// Runs the dispatcher's send loop as a service; a graceful shutdown (SIGTERM) ends it without error.
struct DispatcherService: Service {
    /// The dispatcher to run.
    let dispatcher: Dispatcher
    /// The logger.
    let logger: Logger

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await dispatcher.run() }
        } catch is CancellationError {
            logger.info("Dispatcher stopped")
        }
    }
}

import Foundation
import Logging
import ServiceLifecycle

/// Sends READY=1 once the API is bound (plans are loaded before the group starts), and STOPPING=1 when
/// graceful shutdown begins. It is the last service of the group, so it hears of shutdown first.
public struct NotifierService: Service {
    private let sink: any NotifySink
    private let gate: ReadinessGate
    private let status: @Sendable () async -> String
    private let logger: Logger

    /// Creates the service; `status` builds the STATUS= line sent with READY=1.
    public init(
        sink: any NotifySink, gate: ReadinessGate, logger: Logger, status: @escaping @Sendable () async -> String
    ) {
        self.sink = sink
        self.gate = gate
        self.status = status
        self.logger = logger
    }

    /// Waits for readiness, notifies, then waits for shutdown.
    public func run() async throws {
        // Polls (5 ms) rather than awaiting the gate so that a shutdown before readiness ends the wait.
        _ = try? await cancelWhenGracefulShutdown {
            while !(await gate.opened) { try await Task.sleep(for: .milliseconds(5)) }
        }
        if await gate.opened {
            let line = await status()
            sink.send([("READY", "1"), ("STATUS", line)])
            logger.info("Ready: \(line)")
        }
        try? await gracefulShutdown()
        sink.send([("STOPPING", "1"), ("STATUS", "stopping")])
        logger.info("Stopping")
    }
}

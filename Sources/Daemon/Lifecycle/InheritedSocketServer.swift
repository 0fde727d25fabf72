import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOExtras
import NIOPosix
import ServiceLifecycle

/// Serves the API on a listening socket systemd passed (socket activation). Hummingbird 2.28's server binds
/// its own socket only (`BindAddress` is a host/port or a path), so this service runs Hummingbird's HTTP/1
/// channel and the API router over a NIO server bootstrap that adopts the inherited descriptor
/// (`ServerBootstrap.withBoundSocket`). Graceful shutdown closes the socket and lets open requests finish.
struct InheritedSocketServer<Responder: HTTPResponder>: Service where Responder.Context == APIRequestContext {
    /// The listening stream socket (fd 3 from systemd).
    let descriptor: CInt
    /// The API router's responder.
    let responder: Responder
    /// The logger.
    let logger: Logger
    /// Called once the socket is served (opens the readiness gate).
    let onServerRunning: @Sendable (any Channel) async -> Void

    func run() async throws {
        let responder = self.responder
        let logger = self.logger
        let http = HTTP1Channel(responder: { request, writer, channel in
            let context = APIRequestContext(source: .init(channel: channel, logger: logger))
            var response: Response
            do {
                response = try await responder.respond(to: request, context: context)
            } catch {
                logger.debug("Unhandled error: \(error)")
                response = Response(status: .internalServerError)
            }
            response.headers[.server] = "forewarn"
            try await writer.write(response: response.head, body: response.body)
        })
        let (connections, arrived) = AsyncStream.makeStream(of: HTTP1Channel.Value.self)
        let group = MultiThreadedEventLoopGroup.singleton
        let quiescing = ServerQuiescingHelper(group: group)
        let channel = try await ServerBootstrap(group: group)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(quiescing.makeServerChannelHandler(channel: channel))
                }
            }
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .childChannelInitializer { child in
                http.setup(channel: child, logger: logger).map { arrived.yield($0) }
            }
            .withBoundSocket(descriptor).get()
        await onServerRunning(channel)
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { tasks in
                for await connection in connections {
                    tasks.addTask { await http.handle(value: connection, logger: logger) }
                }
            }
        } onGracefulShutdown: {
            let done = channel.eventLoop.makePromise(of: Void.self)
            done.futureResult.whenComplete { _ in arrived.finish() }
            quiescing.initiateShutdown(promise: done)
        }
    }
}

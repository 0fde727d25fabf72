import Hummingbird
import Logging
import ServiceLifecycle

extension DaemonRunner {
    /// The Hummingbird application serving the API; opening `gate` once the socket is bound.
    func makeApplication(_ dependencies: APIDependencies, gate: ReadinessGate) -> some Service {
        let address: BindAddress
        switch options.listen {
        case .tcp(let host, let port): address = .hostname(host, port: port)
        case .unix(let path): address = .unixDomainSocket(path: path)
        }
        let apiLogger = {
            var logger = logger
            logger[metadataKey: "component"] = "api"
            return logger
        }()
        return Application(
            router: APIRouter.make(dependencies),
            configuration: .init(address: address, serverName: "forewarn"),
            onServerRunning: { channel in
                let bound = channel.localAddress.map { "\($0)" } ?? "\(options.listen)"
                apiLogger.info("API listening on \(bound)")
                await gate.open()
            },
            logger: apiLogger)
    }
}

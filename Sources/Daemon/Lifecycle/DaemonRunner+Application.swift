import Hummingbird
import Logging
import ServiceLifecycle

extension DaemonRunner {
    /// The service serving the API, opening `gate` once the socket is bound: on the socket systemd passed
    /// (`inherited`, socket activation) or on `--listen` through Hummingbird's own server.
    func makeApplication(_ dependencies: APIDependencies, gate: ReadinessGate, inherited: CInt?) -> any Service {
        let apiLogger = {
            var logger = logger
            logger[metadataKey: "component"] = "api"
            return logger
        }()
        if let inherited {
            return InheritedSocketServer(
                descriptor: inherited, responder: APIRouter.make(dependencies).buildResponder(), logger: apiLogger,
                onServerRunning: { channel in
                    apiLogger.info(
                        "API listening on the socket systemd passed (\(channel.localAddress.map { "\($0)" } ?? "fd 3"))"
                    )
                    await gate.open()
                })
        }
        let address: BindAddress
        switch options.listen {
        case .tcp(let host, let port): address = .hostname(host, port: port)
        case .unix(let path): address = .unixDomainSocket(path: path)
        }
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

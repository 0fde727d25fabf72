import Foundation

/// A native client of the NUT upsd line protocol: `GET VAR <ups> <variable>` over TCP.
public struct NUTSource: SignalSource {
    /// The settings.
    public let config: NUTSourceConfig

    /// Creates a NUT source.
    public init(config: NUTSourceConfig) {
        self.config = config
    }

    /// Connects, asks for the variable, logs out; the whole exchange is bounded by `timeout`.
    public func read(timeout: Duration) async -> Result<RawReading, SignalReadError> {
        let config = config
        return await BlockingIO.run { NUTSource.exchange(config, deadline: ContinuousClock.now + timeout) }
    }

    /// The blocking exchange.
    static func exchange(_ config: NUTSourceConfig, deadline: ContinuousClock.Instant) -> Result<
        RawReading, SignalReadError
    > {
        let peer = "NUT server \(config.host):\(config.port)"
        return LineSocket.connect(host: config.host, port: config.port, deadline: deadline)
            .mapError { SignalReadError($0.code, "\(peer): \($0.message)") }
            .flatMap { socket in
                let answer = socket.write(line: "GET VAR \(config.ups) \(config.variable)", deadline: deadline)
                    .flatMap { socket.readLine(deadline: deadline) }
                    .mapError { SignalReadError($0.code, "\(peer): \($0.message)") }
                _ = socket.write(line: "LOGOUT", deadline: min(deadline, ContinuousClock.now + .milliseconds(200)))
                return answer.flatMap { interpret(NUTReply(line: $0), config: config, peer: peer) }
            }
    }

    /// Turns a reply into a reading or a precise error (pure).
    static func interpret(_ reply: NUTReply, config: NUTSourceConfig, peer: String) -> Result<
        RawReading, SignalReadError
    > {
        switch reply {
        case .error(let code):
            let (kind, message) = NUTReply.explain(code, ups: config.ups, variable: config.variable)
            return .failure(SignalReadError(kind, "\(peer): \(message)"))
        case .variable(let ups, let name, let value):
            guard ups == config.ups, name == config.variable else {
                return .failure(
                    SignalReadError(.malformed, "\(peer) answered for \(ups) \(name), not the variable asked"))
            }
            if name == "ups.status", value.split(separator: " ").contains("WAIT") {
                return .failure(SignalReadError(.noData, "\(peer): upsd has no data from the driver yet (WAIT)"))
            }
            return .success(.text(value))
        case .unexpected(let line):
            return .failure(
                SignalReadError(.malformed, "\(peer) sent an unexpected line: \(TextSniffer.excerpt(line))"))
        }
    }
}

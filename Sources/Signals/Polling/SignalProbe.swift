import Foundation
import HTTPTransport

/// Polls a signal once, outside any schedule: what `forewarn signals test` runs.
public enum SignalProbe {
    /// Reads `config` once with its timeout (sources from `factory`) and validates the reading at `clock.now`.
    /// Push signals and definitions that cannot work give a failed outcome that says why.
    public static func probe(_ config: SignalConfig, factory: SourceFactory, clock: any WallClock = SystemWallClock())
        async -> PollOutcome
    {
        let problems = config.problems
        guard problems.isEmpty else {
            return .failed(SignalReadError(.local, problems.joined(separator: "; ")))
        }
        guard let source = factory.makeSource(for: config.source) else {
            return .failed(
                SignalReadError(
                    .local,
                    "signal '\(config.name)' is a push signal: it has nothing to poll (values arrive through the HTTP API)"
                ))
        }
        let result = await source.read(timeout: config.timeout)
        return PollOutcome.make(from: result, validator: config.validator, at: clock.now)
    }

    /// Probes `config` once with a transport of its own, shut down afterwards (for one-off commands).
    public static func probe(_ config: SignalConfig) async -> PollOutcome {
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        return await probe(config, factory: SourceFactory(transport: transport))
    }
}

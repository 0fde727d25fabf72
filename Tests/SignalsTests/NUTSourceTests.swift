import Foundation
import HTTPTransport
import TestPeers
import Testing

@testable import Signals

/// Against a real upsd with the dummy-ups driver.
@Suite(
    .enabled(
        if: NUTServer.isAvailable,
        "NUT is not installed (/lib/nut/upsd, /lib/nut/dummy-ups): apt-get install nut-server"))
struct NUTSourceTests {
    private func read(_ server: NUTServer, ups: String = "ups", _ variable: String) async -> Result<
        RawReading, SignalReadError
    > {
        await NUTSource(config: NUTSourceConfig(host: "127.0.0.1", port: server.port, ups: ups, variable: variable))
            .read(timeout: .seconds(5))
    }

    /// Polls until the driver has data (upsd answers WAIT or DATA-STALE before that).
    private func waitForData(_ server: NUTServer) async -> Bool {
        await TestEnvironment.wait(upTo: 15) {
            if case .success = await read(server, "ups.status") { return true }
            return false
        }
    }

    @Test func readsEveryVariableAndFlipsFromOnlineToBattery() async throws {
        let server = try await NUTServer()
        defer { server.stop() }
        #expect(await waitForData(server))

        let validator = SampleValidator(kind: .state)
        let status = try validator.validate(await read(server, "ups.status").get(), at: Date()).get()
        #expect(status.value == .state(["OL", "CHRG"]))
        let numbers = SampleValidator(kind: .numeric)
        for (variable, expected) in [
            ("battery.charge", 20.0), ("battery.runtime", 300), ("input.voltage", 230),
            ("ups.load", 25),
        ] {
            let sample = try numbers.validate(await read(server, variable).get(), at: Date()).get()
            #expect(sample.value == .number(expected), "\(variable)")
        }

        try server.setState(status: "OB DISCHRG", charge: 90, runtime: 1200)
        let flipped = await TestEnvironment.wait(upTo: 15) {
            guard case .success(let reading) = await read(server, "ups.status"),
                case .success(let sample) = validator.validate(reading, at: Date())
            else { return false }
            return sample.value.contains(flag: "OB")
        }
        #expect(flipped, "upsd never reported OB after the state file changed")
        let charge = try numbers.validate(await read(server, "battery.charge").get(), at: Date()).get()
        #expect(charge.value == .number(90))

        try server.setState(status: "OB DISCHRG LB", charge: 8, runtime: 60)
        let low = await TestEnvironment.wait(upTo: 15) {
            guard case .success(let reading) = await read(server, "ups.status") else { return false }
            return (try? validator.validate(reading, at: Date()).get())?.value.contains(flag: "LB") ?? false
        }
        #expect(low)
    }

    @Test func reportsUnknownUPSAndUnsupportedVariable() async throws {
        let server = try await NUTServer()
        defer { server.stop() }
        #expect(await waitForData(server))

        let unknown = await read(server, ups: "nosuchups", "ups.status")
        #expect(unknown.failure?.code == .peerError)
        #expect(unknown.failure?.message.contains("knows no UPS named 'nosuchups'") == true)

        let unsupported = await read(server, "battery.temperature")
        #expect(unsupported.failure?.code == .noData)
        #expect(unsupported.failure?.message.contains("does not report 'battery.temperature'") == true)
    }

    @Test func refusedConnectionIsUnreachable() async throws {
        let port = try TestEnvironment.freePort()  // nothing listens here
        let result = await NUTSource(config: NUTSourceConfig(port: port, ups: "ups", variable: "ups.status"))
            .read(timeout: .seconds(2))
        #expect(result.failure?.code == .unreachable)
        #expect(result.failure?.message.contains("127.0.0.1:\(port)") == true)
    }
}

extension Result {
    /// The error, when this is a failure.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

/// The whole chain on a real upsd: poller (real clock) → NUT source → monitor → history and health.
@Suite(
    .enabled(
        if: NUTServer.isAvailable,
        "NUT is not installed (/lib/nut/upsd, /lib/nut/dummy-ups): apt-get install nut-server"))
struct NUTPollingTests {
    @Test func thePollerSeesTheUPSGoOnBattery() async throws {
        let server = try await NUTServer()
        defer { server.stop() }
        let monitor = SignalMonitor(history: InMemorySignalHistoryStore(), logger: LogRecorder().makeLogger())
        let status = SignalConfig(
            name: "ups_status", source: .nut(NUTSourceConfig(port: server.port, ups: "ups", variable: "ups.status")),
            interval: .milliseconds(200), timeout: .seconds(2), maxBackoff: .milliseconds(400),
            staleAfter: .seconds(30))
        #expect(status.kind == .state)
        try await monitor.register(status)
        let transport = HTTPTransport(logger: LogRecorder().makeLogger())
        defer { transport.shutdown() }
        let poller = SignalPoller(
            definitions: [status], factory: SourceFactory(transport: transport), monitor: monitor,
            clock: SystemWallClock())
        let polling = Task { await poller.run() }
        defer { polling.cancel() }

        let online = await TestEnvironment.wait(upTo: 15) {
            await monitor.status(of: "ups_status")?.lastGood?.value.contains(flag: "OL") == true
        }
        #expect(online, "the poller never stored an OL sample")
        #expect(await monitor.health(of: "ups_status") == .healthy)

        try server.setState(status: "OB DISCHRG", charge: 80, runtime: 900)
        let onBattery = await TestEnvironment.wait(upTo: 15) {
            await monitor.status(of: "ups_status")?.lastGood?.value.contains(flag: "OB") == true
        }
        #expect(onBattery, "the poller never stored an OB sample")
        let history = try await monitor.samples(of: "ups_status")
        #expect(history.first?.value.contains(flag: "OL") == true)
        #expect(history.last?.value.contains(flag: "OB") == true)

        server.stop()  // upsd gone: the next polls fail and the signal turns unhealthy (no warnings from it)
        let failing = await TestEnvironment.wait(upTo: 15) {
            if case .unhealthy(.readFailed(let error)) = await monitor.health(of: "ups_status") {
                return error.code == .unreachable
            }
            return false
        }
        #expect(failing, "a stopped upsd did not make the signal unhealthy")
        #expect(await monitor.health(of: "ups_status").allowsWarnings == false)
        polling.cancel()
        await polling.value  // the loops end on cancellation
    }
}

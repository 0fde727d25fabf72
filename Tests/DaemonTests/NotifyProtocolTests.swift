import Foundation
import Testing

/// The sd_notify protocol as systemd sees it: the daemon as a process, a real unix datagram socket.
@Suite(.serialized) struct NotifyProtocolTests {
    @Test func readyComesOnlyAfterTheAPIIsBoundAndStopOnSIGTERMExitsZero() throws {
        let listener = try NotifyListener()
        let daemon = try DaemonProcess(notifySocket: listener.path)
        let ready = listener.waitFor(timeout: 60) { $0.notifyFields["READY"] == "1" }
        #expect(ready != nil, "no READY=1; log:\n\(daemon.log)")
        // READY=1 promises a bound API: a connection attempt made right after it must succeed.
        #expect(FreePort.accepts(daemon.port))
        #expect(ready?.notifyFields["STATUS"]?.hasPrefix("1 plans") == true)
        #expect(!listener.received.dropLast().contains { $0.notifyFields["READY"] == "1" })
        daemon.send(SIGTERM)
        let stopping = listener.waitFor(timeout: 20) { $0.notifyFields["STOPPING"] == "1" }
        #expect(stopping != nil)
        #expect(daemon.waitForExit(timeout: 20) == 0)
    }

    @Test func watchdogPingsAtLeastOncePerSecondWithTwoSecondTimeout() throws {
        let listener = try NotifyListener()
        let daemon = try DaemonProcess(notifySocket: listener.path, environment: ["WATCHDOG_USEC": "2000000"])
        #expect(listener.waitFor(timeout: 60) { $0.notifyFields["READY"] == "1" } != nil)
        let window = listener.drain(for: 3.0)
        let pings = window.filter { $0.notifyFields["WATCHDOG"] == "1" }.count
        #expect(pings >= 3, "only \(pings) WATCHDOG=1 in 3 s")
        daemon.send(SIGTERM)
        #expect(daemon.waitForExit(timeout: 20) == 0)
    }

    @Test func noWatchdogPingsWhenTheWatchdogBelongsToAnotherProcess() throws {
        let listener = try NotifyListener()
        let daemon = try DaemonProcess(
            notifySocket: listener.path, environment: ["WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "1"])
        #expect(listener.waitFor(timeout: 60) { $0.notifyFields["READY"] == "1" } != nil)
        let window = listener.drain(for: 2.0)
        #expect(!(listener.received + window).contains { $0.notifyFields["WATCHDOG"] != nil })
        daemon.send(SIGTERM)
        #expect(daemon.waitForExit(timeout: 20) == 0)
    }

    @Test func reloadSwapsGoodPlansAndKeepsTheLastGoodOnesOnError() async throws {
        let listener = try NotifyListener()
        let daemon = try DaemonProcess(notifySocket: listener.path)
        #expect(listener.waitFor(timeout: 60) { $0.notifyFields["READY"] == "1" } != nil)
        #expect(try await daemon.get("/readyz").body.contains(#""plans":1"#))

        // A good reload: a second plan appears.
        let second = try String(contentsOf: daemon.plans.appendingPathComponent("queue-surge.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "plan: queue-surge", with: "plan: queue-surge-night")
        try second.write(
            to: daemon.plans.appendingPathComponent("queue-surge-night.yaml"), atomically: true, encoding: .utf8)
        daemon.send(SIGHUP)
        #expect(listener.waitFor(timeout: 20) { $0.notifyFields["RELOADING"] == "1" } != nil)
        let afterGood = listener.waitFor(timeout: 20) { $0.notifyFields["READY"] == "1" }
        #expect(afterGood?.notifyFields["STATUS"] == "reloaded 2 plans")
        #expect(try await daemon.get("/readyz").body.contains(#""plans":2"#))
        #expect(try await daemon.get("/metrics").body.contains("forewarn_config_last_reload_successful 1"))

        // A bad reload: RELOADING, then READY with the failure in STATUS, the two good plans still live, gauge 0.
        try "plan: [unclosed\n".write(
            to: daemon.plans.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        daemon.send(SIGHUP)
        #expect(listener.waitFor(timeout: 20) { $0.notifyFields["RELOADING"] == "1" } != nil)
        let afterBad = listener.waitFor(timeout: 20) { $0.notifyFields["READY"] == "1" }
        #expect(afterBad?.notifyFields["STATUS"]?.hasPrefix("reload failed") == true)
        #expect(try await daemon.get("/readyz").body.contains(#""plans":2"#))
        let metrics = try await daemon.get("/metrics").body
        #expect(metrics.contains("forewarn_config_last_reload_successful 0"))
        #expect(metrics.contains("forewarn_config_last_reload_success_timestamp_seconds "))
        #expect(daemon.log.contains("broken.yaml"))

        daemon.send(SIGTERM)
        #expect(listener.waitFor(timeout: 20) { $0.notifyFields["STOPPING"] == "1" } != nil)
        #expect(daemon.waitForExit(timeout: 20) == 0)
    }

    @Test func aFatalStartErrorSendsStatusAndErrnoAndExitsNonZero() throws {
        let listener = try NotifyListener()
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fw-broken-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: broken) }
        try "plan: [unclosed\n".write(
            to: broken.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(notifySocket: listener.path, plansOverride: broken)
        let failure = listener.waitFor(timeout: 60) { $0.notifyFields["ERRNO"] != nil }
        #expect(failure?.notifyFields["ERRNO"] == String(EINVAL))
        #expect(failure?.notifyFields["STATUS"]?.contains("cannot load plans") == true)
        #expect(!listener.received.contains { $0.notifyFields["READY"] == "1" })
        let status = daemon.waitForExit(timeout: 20)
        #expect(status != nil && status != 0)
    }
}

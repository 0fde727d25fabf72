import Foundation
import Testing

/// `forewarn status` against a running daemon, both as processes.
@Suite(.serialized) struct StatusCommandTests {
    func runStatus(port: Int, token: String?) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = DaemonProcess.executable
        process.arguments = ["status", "--url", "http://127.0.0.1:\(port)"]
        var env = ProcessInfo.processInfo.environment
        env["FOREWARN_API_TOKEN"] = token
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func statusPrintsPlansAndSignalsThroughTheAPI() throws {
        let listener = try NotifyListener()
        let daemon = try DaemonProcess(notifySocket: listener.path)
        #expect(listener.waitFor(timeout: 60) { $0.notifyFields["READY"] == "1" } != nil)
        let good = try runStatus(port: daemon.port, token: DaemonProcess.token)
        #expect(good.status == 0)
        #expect(good.output.contains("1 plans"))
        #expect(good.output.contains("queue_depth (push): unhealthy: no sample yet"))
        #expect(good.output.contains("instances:\n  "), "alone on SQLite, the daemon lists itself")
        #expect(good.output.contains("[leader]"), "alone on SQLite, the daemon leads")
        let refused = try runStatus(port: daemon.port, token: "not-the-right-token-000")
        #expect(refused.output.contains("signals: 401"))
        daemon.send(SIGTERM)
        // As long as the READY wait: once, in a full CI run on 2 busy cores, the stop took more than 20 s.
        #expect(daemon.waitForExit(timeout: 60) == 0, "daemon log:\n\(daemon.log.suffix(3_000))")
        let down = try runStatus(port: daemon.port, token: nil)
        #expect(down.status == 3)
        #expect(down.output.contains("no daemon answers"))
    }
}

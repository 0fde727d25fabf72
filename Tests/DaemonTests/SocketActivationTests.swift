import Foundation
import TestPeers
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Socket activation for real: `systemd-socket-activate` (from the systemd package) listens, and on the first
/// connection execs `forewarn run` with the socket as fd 3 (`LISTEN_FDS=1`, `LISTEN_PID`), as systemd does with
/// a `.socket` unit. The request that woke it is answered on that socket, and `--listen` is not bound.
@Suite(
    .serialized,
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-socket-activate"),
        "systemd-socket-activate is not installed (Debian package systemd)"))
struct SocketActivationTests {
    static let activator = "/usr/bin/systemd-socket-activate"

    @Test func theFirstRequestIsServedOnThePassedSocketAndListenIsNotBound() async throws {
        let executable = try #require(DaemonProcess.executable, "the forewarn executable is not built")
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let plans = work.path + "/plans"
        try FileManager.default.copyItem(
            at: Bundle.module.url(forResource: "Fixtures/plans", withExtension: nil)!,
            to: URL(fileURLWithPath: plans))
        let listener = try NotifyListener()
        let passed = try FreePort.make()
        let unused = try FreePort.make()
        let child = try ChildProcess(
            executable: Self.activator,
            arguments: [
                "-l", "127.0.0.1:\(passed)", "-E", "FOREWARN_API_TOKEN=\(DaemonProcess.token)",
                "-E", "NOTIFY_SOCKET=\(listener.path)", executable.path, "run", "--plans", plans, "--state",
                work.path + "/state", "--listen", "127.0.0.1:\(unused)",
            ], stdoutPath: work.path + "/out.log", stderrPath: work.path + "/out.log")
        defer { child.stop() }
        let log = { (try? String(contentsOfFile: work.path + "/out.log", encoding: .utf8)) ?? "" }
        let listening = await eventually(seconds: 10) { FreePort.accepts(passed) }
        try #require(listening, "systemd-socket-activate did not listen: \(log())")

        // This connection wakes the daemon; it waits in the socket's backlog until the daemon serves it.
        let health = try await Self.get("http://127.0.0.1:\(passed)/healthz", token: nil)
        #expect(health.status == 200, "healthz: \(health)")
        let ready = listener.waitFor(timeout: 30) { $0.notifyFields["READY"] == "1" }
        #expect(ready != nil, "no READY=1; log:\n\(log())")
        let signals = try await Self.get("http://127.0.0.1:\(passed)/api/v1/signals", token: DaemonProcess.token)
        #expect(signals.status == 200 && signals.body.contains("queue_depth"), "signals: \(signals)")
        #expect(!FreePort.accepts(unused), "--listen was bound although a socket was passed")
        #expect(log().contains("serving the socket systemd passed"))

        child.send(SIGTERM)
        #expect(listener.waitFor(timeout: 20) { $0.notifyFields["STOPPING"] == "1" } != nil)
        let exited = await eventually(seconds: 20) { !child.isRunning }
        #expect(exited && child.exitCode == 0, "exit \(String(describing: child.exitCode)); log:\n\(log())")
        #expect(listener.received.filter { $0.notifyFields["READY"] == "1" }.count == 1)
    }

    static func get(_ url: String, token: String?) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: url)!)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.timeoutInterval = 60
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}

import Foundation

/// A real NUT upsd with the dummy-ups driver on a fresh port and directory; the test rewrites the UPS state.
public final class NUTServer: @unchecked Sendable {
    /// The upsd binary (not `/sbin/upsd`, a wrapper that refuses to run here).
    public static let upsd = "/lib/nut/upsd"
    /// The simulated UPS driver.
    public static let driver = "/lib/nut/dummy-ups"

    /// Whether the NUT binaries are installed (`nut-server`).
    public static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: upsd) && FileManager.default.isExecutableFile(atPath: driver)
    }

    /// The port upsd listens on (127.0.0.1 only).
    public let port: Int
    /// The configuration directory (holds `ups.dev`, the simulated state).
    public let directory: URL
    private var processes: [PeerProcess] = []
    private var lastStamp = Date().timeIntervalSince1970.rounded(.down)

    /// Starts the driver, then upsd, and waits until upsd accepts connections.
    public init() async throws {
        port = try TestEnvironment.freePort()
        directory = try TestEnvironment.makeTemporaryDirectory("nut")
        let state = directory.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        for name in ["ups.conf", "upsd.users", "nut.conf", "ups.dev"] {
            try FileManager.default.copyItem(
                at: TestEnvironment.peerFixtures.appendingPathComponent("nut/\(name)"),
                to: directory.appendingPathComponent(name))
        }
        let template = try String(
            contentsOf: TestEnvironment.peerFixtures.appendingPathComponent("nut/upsd.conf.template"),
            encoding: .utf8)
        try template.replacingOccurrences(of: "@PORT@", with: String(port))
            .write(to: directory.appendingPathComponent("upsd.conf"), atomically: true, encoding: .utf8)
        chmod(directory.appendingPathComponent("upsd.users").path, 0o600)
        let environment = ["NUT_CONFPATH": directory.path, "NUT_STATEPATH": state.path]
        let user = TestEnvironment.userName
        processes.append(
            try PeerProcess(
                NUTServer.driver, ["-a", "ups", "-u", user, "-F"], environment: environment,
                logURL: directory.appendingPathComponent("driver.log")))
        let socketReady = await TestEnvironment.wait(upTo: 10) {
            FileManager.default.fileExists(atPath: state.appendingPathComponent("dummy-ups-ups").path)
        }
        guard socketReady else { throw HarnessError("dummy-ups did not start:\n\(processes[0].logTail)") }
        processes.append(
            try PeerProcess(
                NUTServer.upsd, ["-u", user, "-F"], environment: environment,
                logURL: directory.appendingPathComponent("upsd.log")))
        let port = port
        guard await TestEnvironment.wait(upTo: 10, for: { TestEnvironment.isListening(port: port) }) else {
            throw HarnessError("upsd did not listen on \(port):\n\(processes[1].logTail)")
        }
    }

    /// Rewrites the simulated UPS state atomically (the driver picks it up within about 2 s).
    public func setState(status: String, charge: Int, runtime: Int) throws {
        let text = """
            device.type: ups
            ups.status: \(status)
            battery.charge: \(charge)
            battery.runtime: \(runtime)
            input.voltage: 230.0
            ups.load: 25

            """
        // dummy-ups notices a change by the file's mtime in whole seconds: make every rewrite a later second.
        let stamp = max(Date().timeIntervalSince1970.rounded(.down), lastStamp + 1)
        lastStamp = stamp
        try TestEnvironment.writeAtomically(text, to: directory.appendingPathComponent("ups.dev"), modified: stamp)
    }

    /// Stops upsd, then the driver, by PID, and removes the directory.
    public func stop() {
        for process in processes.reversed() { process.stop() }
        processes = []
        try? FileManager.default.removeItem(at: directory)
    }

    deinit { stop() }
}

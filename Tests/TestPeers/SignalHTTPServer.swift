import Foundation

/// The committed Python test server (Fixtures/http/signal_server.py) on a fresh port and directory.
public final class SignalHTTPServer: @unchecked Sendable {
    /// Whether python3 is on this machine.
    public static var isAvailable: Bool { python != nil }

    /// The python3 found on PATH.
    public static var python: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// The port it serves on (127.0.0.1 only).
    public let port: Int
    /// The directory whose files (`load`, `token`, `metrics`) the server reads on each request.
    public let directory: URL
    private var process: PeerProcess?

    /// Starts the server and waits until it accepts connections.
    public init() async throws {
        guard let python = SignalHTTPServer.python else { throw HarnessError("python3 not found") }
        port = try TestEnvironment.freePort()
        directory = try TestEnvironment.makeTemporaryDirectory("http")
        let script = TestEnvironment.peerFixtures.appendingPathComponent("http/signal_server.py").path
        let process = try PeerProcess(
            python, [script, String(port), directory.path],
            logURL: directory.appendingPathComponent("server.log"))
        self.process = process
        let port = port
        guard await TestEnvironment.wait(upTo: 10, for: { TestEnvironment.isListening(port: port) }) else {
            throw HarnessError("the test HTTP server did not listen on \(port):\n\(process.logTail)")
        }
    }

    /// `http://127.0.0.1:PORT` + `path`.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Replaces a file the server reads (atomically).
    public func write(_ text: String, to name: String) throws {
        try TestEnvironment.writeAtomically(text, to: directory.appendingPathComponent(name))
    }

    /// Stops the server by PID and removes its directory.
    public func stop() {
        process?.stop()
        process = nil
        try? FileManager.default.removeItem(at: directory)
    }

    deinit { stop() }
}

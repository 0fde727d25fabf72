import Foundation
import TestPeers

/// Starts `Fixtures/test_server.py` on a fresh loopback port in a temp directory and stops it by PID.
final class LoopbackServer: @unchecked Sendable {
    /// Whether python3 is installed (the tests skip with a message when it is not).
    static let isPythonAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    private let child: ChildProcess
    private let directory: TemporaryDirectory
    /// The port the server bound on 127.0.0.1.
    let port: Int
    /// `http://127.0.0.1:PORT`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    init() throws {
        guard let script = Bundle.module.url(forResource: "test_server", withExtension: "py", subdirectory: "Fixtures")
        else { throw HarnessError("Fixtures/test_server.py is missing from the test bundle") }
        directory = try TemporaryDirectory()
        do {
            (child, port) = try ChildProcess.startReportingPort(
                "/usr/bin/python3", arguments: [script.path], directory: directory.path, name: "test server")
        } catch {
            directory.remove()
            throw error
        }
    }

    /// Stops the server by its PID and removes its directory.
    func stop() {
        child.stop()
        directory.remove()
    }
}

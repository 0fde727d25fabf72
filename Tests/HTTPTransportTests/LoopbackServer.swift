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
    private let scheme: String
    /// `http://127.0.0.1:PORT` (`https://` when started with a certificate).
    var baseURL: String { "\(scheme)://127.0.0.1:\(port)" }

    /// Starts the server; with `certificate` and `key` (PEM paths) it serves HTTPS.
    init(certificate: String? = nil, key: String? = nil) throws {
        guard let script = Bundle.module.url(forResource: "test_server", withExtension: "py", subdirectory: "Fixtures")
        else { throw HarnessError("Fixtures/test_server.py is missing from the test bundle") }
        directory = try TemporaryDirectory()
        scheme = certificate == nil ? "http" : "https"
        let tls = [certificate, key].compactMap { $0 }
        do {
            (child, port) = try ChildProcess.startReportingPort(
                "/usr/bin/python3", arguments: [script.path] + tls, directory: directory.path, name: "test server")
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

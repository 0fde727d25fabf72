import Foundation
import TestPeers

/// Starts `Fixtures/instance_receiver.py` on a fresh loopback port in a temp directory; stops it by PID.
final class InstanceReceiver: @unchecked Sendable {
    /// One logged request.
    struct Entry: Decodable {
        /// The `webhook-id`.
        let id: String
        /// The `forewarn-instance` header.
        let instance: String
        /// The notice's step (its identity within the soak).
        let step: String?
        /// When the request arrived and when its reply was written (monotonic seconds).
        let start: Double
        let end: Double
    }

    private let child: ChildProcess
    let directory: String
    let port: Int
    var url: String { "http://127.0.0.1:\(port)/ok" }

    init() throws {
        guard
            let script = Bundle.module.url(
                forResource: "instance_receiver", withExtension: "py", subdirectory: "Fixtures")
        else { throw HarnessError("Fixtures/instance_receiver.py is missing from the test bundle") }
        let directory = try TemporaryDirectory().path
        self.directory = directory
        (child, port) = try ChildProcess.startReportingPort(
            "/usr/bin/python3", arguments: [script.path, directory + "/requests.jsonl"], directory: directory,
            name: "instance receiver")
    }

    /// Every request logged so far.
    func entries() throws -> [Entry] {
        guard let text = try? String(contentsOfFile: directory + "/requests.jsonl", encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Entry.self, from: Data($0.utf8)) }
    }

    /// Stops the receiver by PID and removes its directory.
    func stop() {
        child.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }
}

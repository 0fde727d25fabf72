import Foundation
import TestPeers

/// Starts `Fixtures/fault_receiver.py` on a fresh loopback port in a temp directory; stops it by PID.
final class FaultReceiver: @unchecked Sendable {
    /// Whether python3 is installed (the live tests skip with a message when it is not).
    static let isPythonAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    /// One logged request.
    struct Entry: Decodable {
        let path: String
        let id: String
        let timestamp: String
        let signature_ok: Bool
        let body_sha256: String
        let body: String
        let attempt: Int
    }

    private let child: ChildProcess
    let directory: TemporaryDirectory
    let port: Int
    var baseURL: String { "http://127.0.0.1:\(port)" }
    var logPath: String { directory.path + "/requests.jsonl" }

    init(secret: String) throws {
        guard
            let script = Bundle.module.url(
                forResource: "fault_receiver", withExtension: "py", subdirectory: "Fixtures")
        else { throw HarnessError("Fixtures/fault_receiver.py is missing from the test bundle") }
        directory = try TemporaryDirectory()
        (child, port) = try ChildProcess.startReportingPort(
            "/usr/bin/python3", arguments: [script.path, secret, directory.path + "/requests.jsonl"],
            directory: directory.path, name: "fault receiver")
    }

    /// Every request logged so far.
    func entries() throws -> [Entry] {
        guard let text = try? String(contentsOfFile: logPath, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Entry.self, from: Data($0.utf8)) }
    }

    /// Stops the receiver by PID and removes its directory.
    func stop() {
        child.stop()
        directory.remove()
    }
}

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    /// The current instant.
    var now: Date { lock.withLock { current } }

    /// Moves the clock forward.
    func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}

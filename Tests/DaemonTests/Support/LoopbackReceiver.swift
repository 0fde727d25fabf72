import Foundation
import TestPeers

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `Fixtures/fault_receiver.py` on a fresh loopback port: verifies Standard Webhooks signatures and logs every
/// request as a JSON line; stopped by its PID.
final class LoopbackReceiver: @unchecked Sendable {
    /// One logged request.
    struct Entry: Decodable {
        let path: String
        let id: String
        let signature_ok: Bool
        let body: String
    }

    private let child: ChildProcess
    let port: Int
    let log: URL

    /// Starts the receiver with `secret` (`whsec_…`), logging into `directory`.
    init(secret: String, directory: URL) throws {
        // The delivery tests' receiver, used from the repository rather than copied.
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("DeliveryTests/Fixtures/fault_receiver.py")
        guard FileManager.default.fileExists(atPath: script.path) else {
            throw DaemonTestError("\(script.path) is missing")
        }
        log = directory.appendingPathComponent("requests.jsonl")
        (child, port) = try ChildProcess.startReportingPort(
            "/usr/bin/python3", arguments: [script.path, secret, log.path], directory: directory.path,
            name: "fault_receiver.py")
    }

    /// The requests logged so far.
    func entries() -> [Entry] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Entry.self, from: Data($0.utf8)) }
    }

    /// Stops the receiver by its PID and reaps it.
    func stop() { child.stop() }
}

extension DaemonProcess {
    /// POSTs `json` to `path` with the token; returns status and body.
    func post(_ path: String, json: String) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = "POST"
        request.setValue("Bearer \(Self.token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(json.utf8)
        request.timeoutInterval = 10
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// What the daemon wrote to stderr so far.
    func stderrText() -> String { (try? String(contentsOf: errorLog, encoding: .utf8)) ?? "" }
}

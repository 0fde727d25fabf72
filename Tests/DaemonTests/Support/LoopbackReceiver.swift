import Foundation

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

    private let process = Process()
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
        let out = directory.appendingPathComponent("receiver.out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script.path, secret, log.path]
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        var reported: Int?
        while reported == nil && Date() < deadline && process.isRunning {
            let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            if text.hasPrefix("PORT "), text.contains("\n") { reported = Int(text.dropFirst(5).prefix { $0 != "\n" }) }
            usleep(20_000)
        }
        guard let reported else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw DaemonTestError("fault_receiver.py did not report its port")
        }
        port = reported
    }

    /// The requests logged so far.
    func entries() -> [Entry] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Entry.self, from: Data($0.utf8)) }
    }

    /// Stops the receiver by its PID (SIGKILL: its HTTP server does not stop on SIGTERM) and reaps it.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
    }
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

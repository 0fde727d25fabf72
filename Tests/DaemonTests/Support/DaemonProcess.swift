import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The built `forewarn run` as a child process on loopback, with a fresh port and temporary directories.
final class DaemonProcess: @unchecked Sendable {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The executable next to the test bundle (SwiftPM builds it because DaemonTests depends on it).
    static let executable: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "forewarn"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("forewarn"),
            Bundle.main.bundleURL.appendingPathComponent("forewarn"),
            repository.appendingPathComponent(".build/debug/forewarn"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    let process = Process()
    let port: Int
    let directory: URL
    let plans: URL
    let errorLog: URL
    static let token = "test-token-0123456789abcdef"

    /// Copies the fixture plans into a temporary directory and starts the daemon on them; `stateDirectory`
    /// (else a fresh one) lets a second daemon start on the first one's store; `port` (else a fresh one) is where
    /// it listens.
    init(
        notifySocket: String?, environment: [String: String] = [:], plansOverride: URL? = nil,
        stateDirectory: URL? = nil, port: Int? = nil
    ) throws {
        guard let executable = Self.executable else { throw DaemonTestError("the forewarn executable is not built") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fw-daemon-\(UUID().uuidString.prefix(8))")
        plans = directory.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let fixture = Bundle.module.url(forResource: "Fixtures/plans", withExtension: nil)!
        try FileManager.default.copyItem(at: plansOverride ?? fixture, to: plans)
        self.port = try port ?? FreePort.make()
        errorLog = directory.appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        process.executableURL = executable
        process.arguments = [
            "run", "--plans", plans.path, "--state", (stateDirectory ?? directory.appendingPathComponent("state")).path,
            "--listen", "127.0.0.1:\(self.port)",
        ]
        var env = ProcessInfo.processInfo.environment
        for key in [
            "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "CREDENTIALS_DIRECTORY", "LISTEN_FDS",
        ] {
            env[key] = nil
        }
        env["FOREWARN_API_TOKEN"] = Self.token
        if let notifySocket { env["NOTIFY_SOCKET"] = notifySocket }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errorLog)
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Sends `signal` to the daemon (by its PID).
    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits up to `timeout` seconds for the exit; returns its status, or nil (and kills it) if it did not exit.
    func waitForExit(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        return process.terminationStatus
    }

    /// What the daemon logged.
    var log: String { (try? String(contentsOf: errorLog, encoding: .utf8)) ?? "" }

    /// GET `path` (or another `method` with a JSON `body`) on the daemon with the token; returns status and body
    /// (URLSession).
    func get(_ path: String, method: String = "GET", body: String? = nil) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(Self.token)", forHTTPHeaderField: "Authorization")
        request.timeoutInterval = 10
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}

/// A test setup failure.
struct DaemonTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A free loopback TCP port (bound to 0, read back, released).
enum FreePort {
    static func make() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(descriptor, pointer, length) == 0 else { return -1 }
                return getsockname(descriptor, pointer, &length)
            }
        }
        guard result == 0 else { throw DaemonTestError("cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port` right now.
    static func accepts(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

import Foundation

/// A real Prometheus scraping the test HTTP server's `/metrics` file, on fresh ports and a fresh TSDB directory.
public final class PrometheusServer: @unchecked Sendable {
    /// Where the binary is looked for.
    public static var binary: String? {
        ["/usr/bin/prometheus", "/usr/local/bin/prometheus"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether Prometheus and python3 are installed.
    public static var isAvailable: Bool { binary != nil && SignalHTTPServer.isAvailable }

    /// The scraped target; rewrite its `metrics` file to change the values.
    public let target: SignalHTTPServer
    /// Prometheus' port.
    public let port: Int
    private let directory: URL
    private var process: PeerProcess?

    /// Starts the metrics server, then Prometheus, and waits until Prometheus is ready.
    public init(metrics: String) async throws {
        guard let binary = PrometheusServer.binary else { throw HarnessError("prometheus not found") }
        target = try await SignalHTTPServer()
        try target.write(metrics, to: "metrics")
        port = try TestEnvironment.freePort()
        directory = try TestEnvironment.makeTemporaryDirectory("prom")
        let template = try String(
            contentsOf: TestEnvironment.peerFixtures.appendingPathComponent("prometheus/prometheus.yml.template"),
            encoding: .utf8)
        let config = directory.appendingPathComponent("prometheus.yml")
        try template.replacingOccurrences(of: "@TARGET_PORT@", with: String(target.port))
            .write(to: config, atomically: true, encoding: .utf8)
        let process = try PeerProcess(
            binary,
            [
                "--config.file=\(config.path)", "--storage.tsdb.path=\(directory.appendingPathComponent("data").path)",
                "--web.listen-address=127.0.0.1:\(port)",
            ], logURL: directory.appendingPathComponent("prometheus.log"))
        self.process = process
        let port = port
        guard await TestEnvironment.wait(upTo: 15, for: { TestEnvironment.isListening(port: port) }) else {
            throw HarnessError("Prometheus did not listen on \(port):\n\(process.logTail)")
        }
    }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Stops Prometheus, then the metrics server, by PID; removes the directories.
    public func stop() {
        process?.stop()
        process = nil
        target.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    deinit { stop() }
}

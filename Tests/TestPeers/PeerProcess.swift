import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real peer (upsd, Prometheus, an HTTP server) started by a test and stopped by its PID.
///
/// Spawned with posix_spawn and a cleared signal mask: Foundation's `Process` passes on the test runner's
/// blocked signals, and a peer that cannot see SIGTERM only dies to SIGKILL.
public final class PeerProcess: @unchecked Sendable {
    /// The peer's process id.
    public let pid: pid_t
    /// The file receiving the peer's stdout and stderr.
    public let logURL: URL
    private var exited = false
    private let lock = NSLock()

    /// Starts `executable` with `arguments` and extra `environment`, logging to `logURL`.
    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:], logURL: URL) throws {
        self.logURL = logURL
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw HarnessError("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        pid = child
    }

    /// Whether the peer is still running (reaps it once it has exited).
    public var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        if exited { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { exited = true }
        return !exited
    }

    /// The last lines the peer logged (for failure messages).
    public var logTail: String {
        let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }

    /// Stops the peer by PID: SIGTERM, then SIGKILL after 5 s; waits until it is gone.
    public func stop() {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let end = Date().addingTimeInterval(5)
        while isRunning && Date() < end { usleep(20_000) }
        if isRunning {
            kill(pid, SIGKILL)
            while isRunning { usleep(20_000) }
        }
    }

    deinit { stop() }
}

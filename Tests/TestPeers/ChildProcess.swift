import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process spawned with a clean signal mask and default dispositions, stopped by its PID.
///
/// Foundation's `Process` passes on the test runner's blocked signals, so a child would ignore SIGTERM.
public final class ChildProcess: @unchecked Sendable {
    /// The child's process id.
    public let pid: pid_t
    private var isReaped = false
    /// The exit status once the child exited normally (nil while running or when a signal ended it).
    public private(set) var exitCode: Int32?
    private let lock = NSLock()

    /// Spawns `executable` with `arguments`, its stdout and stderr appended to the given files.
    public init(
        executable: String, arguments: [String], stdoutPath: String, stderrPath: String,
        extraEnvironment: [String: String] = [:]
    ) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extraEnvironment) { $1 }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw HarnessError("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        pid = child
    }

    /// Whether the child is still running.
    public var isRunning: Bool {
        lock.withLock {
            if isReaped { return false }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                isReaped = true
                exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : nil
            }
            return !isReaped
        }
    }

    /// Sends `signal` to the child (SIGTERM by default).
    public func send(_ signal: Int32 = SIGTERM) {
        if isRunning { kill(pid, signal) }
    }

    /// SIGTERM, then SIGKILL after `grace`; returns once the child is reaped.
    public func stop(grace: Duration = .seconds(5)) {
        send(SIGTERM)
        let deadline = ContinuousClock.now + grace
        while isRunning && ContinuousClock.now < deadline { usleep(20_000) }
        if isRunning {
            kill(pid, SIGKILL)
            while isRunning { usleep(20_000) }
        }
    }

    deinit { stop(grace: .milliseconds(500)) }
}

/// A harness failure with a message.
public struct HarnessError: Error, CustomStringConvertible {
    /// The message.
    public let description: String
    /// Creates an error saying `description`.
    public init(_ description: String) { self.description = description }
}

/// A fresh temporary directory, removed by `remove()`.
public struct TemporaryDirectory: Sendable {
    /// The directory's path.
    public let path: String

    /// Creates a fresh directory under the system temporary directory.
    public init() throws {
        var template = Array((NSTemporaryDirectory() + "/forewarn-test-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw HarnessError("mkdtemp failed") }
        path = String(cString: made)
    }

    /// Deletes the directory and everything in it.
    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes; returns whether it held.
public func waitUntil(timeout: Duration = .seconds(10), _ condition: () -> Bool) -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}

extension ChildProcess {
    /// Starts a loopback server script that prints `PORT <n>` on its first stdout line, in `directory`
    /// (`stdout`, `stderr` there); returns the child and its port, or stops it and throws naming `name`.
    public static func startReportingPort(
        _ executable: String, arguments: [String], directory: String, name: String
    ) throws -> (child: ChildProcess, port: Int) {
        let out = directory + "/stdout"
        let child = try ChildProcess(
            executable: executable, arguments: arguments, stdoutPath: out, stderrPath: directory + "/stderr")
        var reported: Int?
        _ = waitUntil {
            let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            if text.hasPrefix("PORT "), text.contains("\n") { reported = Int(text.dropFirst(5).prefix { $0 != "\n" }) }
            return reported != nil || !child.isRunning
        }
        guard let reported else {
            child.stop()
            throw HarnessError("\(name) did not report its port; see \(directory)/stderr")
        }
        return (child, reported)
    }
}

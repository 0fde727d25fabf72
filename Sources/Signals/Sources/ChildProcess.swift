import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program in its own process group with a deadline; on timeout the whole group is killed (blocking).
struct ChildProcess {
    /// What a finished program left behind.
    struct Output {
        /// Exit status, or nil when a signal ended it.
        var status: Int32?
        /// The signal that ended it, if any.
        var signal: Int32?
        /// Standard output (at most `outputLimit` bytes).
        var standardOutput: [UInt8]
        /// Standard error (at most `outputLimit` bytes).
        var standardError: [UInt8]
    }

    /// Why the program produced no output.
    enum Failure: Error {
        /// posix_spawn failed with `errno`.
        case cannotStart(Int32)
        /// The deadline passed; the process group was killed.
        case timedOut
    }

    /// Runs `arguments` (looked up in `PATH` when the first has no `/`), stdin from /dev/null.
    static func run(_ arguments: [String], timeout: Duration, outputLimit: Int = 65_536) -> Result<Output, Failure> {
        let deadline = ContinuousClock.now + timeout
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0 else { return .failure(.cannotStart(errno)) }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            return .failure(.cannotStart(errno))
        }
        // Keep our pipe ends out of other children (pipe2 is not visible from Swift here).
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let childEnvironment = ProcessEnvironment.forChild().map { $0.map { strdup($0) } + [nil] }
        defer { childEnvironment?.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned =
            if let childEnvironment {
                posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, childEnvironment)
            } else {
                posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
            }
        close(outPipe[1])
        close(errPipe[1])
        defer { close(outPipe[0]); close(errPipe[0]) }
        guard spawned == 0 else { return .failure(.cannotStart(spawned)) }

        var output = Output(status: nil, signal: nil, standardOutput: [], standardError: [])
        let finished =
            drain(outPipe[0], errPipe[0], into: &output, limit: outputLimit, deadline: deadline)
            && reap(pid, into: &output, deadline: deadline)
        if !finished {
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return .failure(.timedOut)
        }
        return .success(output)
    }

}

extension Duration {
    /// The duration in whole milliseconds, rounded up.
    var milliseconds: Int {
        let parts = components
        return Int(parts.seconds) * 1000 + Int((parts.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ChildProcess {
    /// Reads both pipes until both close or the deadline passes; returns false on timeout.
    static func drain(
        _ out: Int32, _ err: Int32, into output: inout Output, limit: Int,
        deadline: ContinuousClock.Instant
    ) -> Bool {
        var open: [Int32] = [out, err]
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !open.isEmpty {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return false }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(max(1, min(left.milliseconds, 1000))))
            if ready < 0 && errno != EINTR { return false }
            for entry in fds where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    let chunk = buffer[0..<count]
                    if entry.fd == out {
                        output.standardOutput += chunk.prefix(max(0, limit - output.standardOutput.count))
                    } else {
                        output.standardError += chunk.prefix(max(0, limit - output.standardError.count))
                    }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        return true
    }

    /// Waits for `pid` to exit until the deadline; returns false on timeout.
    static func reap(_ pid: pid_t, into output: inout Output, deadline: ContinuousClock.Instant) -> Bool {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { return true }
            if ContinuousClock.now >= deadline { return false }
            usleep(5_000)
        }
        if status & 0x7f == 0 {
            output.status = (status >> 8) & 0xff
        } else {
            output.signal = status & 0x7f
        }
        return true
    }
}

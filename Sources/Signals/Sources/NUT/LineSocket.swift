import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A blocking TCP connection that writes and reads text lines, each call bounded by one deadline.
final class LineSocket {
    private let descriptor: Int32
    private var pending: [UInt8] = []
    private let peer: String

    private init(descriptor: Int32, peer: String) {
        self.descriptor = descriptor
        self.peer = peer
    }

    deinit { close(descriptor) }

    /// Connects to `host:port` (every address it resolves to, in order) before `deadline`.
    static func connect(host: String, port: Int, deadline: ContinuousClock.Instant) -> Result<
        LineSocket, SignalReadError
    > {
        let peer = "\(host):\(port)"
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &list)
        guard resolved == 0, let first = list else {
            let reason = String(cString: gai_strerror(resolved))
            return .failure(SignalReadError(.unreachable, "cannot resolve '\(host)': \(reason)"))
        }
        defer { freeaddrinfo(list) }
        var lastError = SignalReadError(.unreachable, "\(peer): no address to connect to")
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            let fd = socket(address.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { continue }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            if Glibc.connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 || errno == EINPROGRESS {
                switch wait(fd, for: Int16(POLLOUT), until: deadline) {
                case .ready:
                    var error: Int32 = 0
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
                    if error == 0 { return .success(LineSocket(descriptor: fd, peer: peer)) }
                    lastError = SignalReadError(
                        .unreachable, "cannot connect to \(peer): \(String(cString: strerror(error)))")
                case .timedOut:
                    close(fd)
                    return .failure(SignalReadError(.timeout, "connecting to \(peer) timed out"))
                case .failed(let code):
                    lastError = SignalReadError(
                        .unreachable, "cannot connect to \(peer): \(String(cString: strerror(code)))")
                }
            } else {
                lastError = SignalReadError(
                    .unreachable, "cannot connect to \(peer): \(String(cString: strerror(errno)))")
            }
            close(fd)
        }
        return .failure(lastError)
    }

    /// Sends `line` followed by a newline.
    func write(line: String, deadline: ContinuousClock.Instant) -> Result<Void, SignalReadError> {
        var bytes = Array((line + "\n").utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent > 0 {
                bytes = bytes.dropFirst(sent)
            } else if errno == EAGAIN || errno == EINTR {
                if case .timedOut = LineSocket.wait(descriptor, for: Int16(POLLOUT), until: deadline) {
                    return .failure(SignalReadError(.timeout, "sending to \(peer) timed out"))
                }
            } else {
                return .failure(
                    SignalReadError(.unreachable, "sending to \(peer) failed: \(String(cString: strerror(errno)))"))
            }
        }
        return .success(())
    }

    /// Reads one line (without `\n` or `\r\n`), at most `limit` bytes.
    func readLine(deadline: ContinuousClock.Instant, limit: Int = 8192) -> Result<String, SignalReadError> {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            if let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<end], as: UTF8.self)
                pending.removeSubrange(...end)
                return .success(line.hasSuffix("\r") ? String(line.dropLast()) : line)
            }
            if pending.count > limit {
                return .failure(SignalReadError(.malformed, "\(peer) sent a line longer than \(limit) bytes"))
            }
            let received = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if received > 0 {
                pending += buffer[0..<received]
            } else if received == 0 {
                return .failure(SignalReadError(.unreachable, "\(peer) closed the connection before answering"))
            } else if errno == EAGAIN || errno == EINTR {
                if case .timedOut = LineSocket.wait(descriptor, for: Int16(POLLIN), until: deadline) {
                    return .failure(SignalReadError(.timeout, "\(peer) did not answer in time"))
                }
            } else {
                return .failure(
                    SignalReadError(.unreachable, "reading from \(peer) failed: \(String(cString: strerror(errno)))"))
            }
        }
    }

    private enum Readiness { case ready, timedOut, failed(Int32) }

    /// Waits until `fd` is ready for `events` or the deadline passes.
    private static func wait(_ fd: Int32, for events: Int16, until deadline: ContinuousClock.Instant) -> Readiness {
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return .timedOut }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let result = poll(&entry, 1, Int32(max(1, min(left.milliseconds, 60_000))))
            if result > 0 { return .ready }
            if result < 0 && errno != EINTR { return .failed(errno) }
        }
    }
}

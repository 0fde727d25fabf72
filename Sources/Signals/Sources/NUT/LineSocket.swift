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

    init(descriptor: Int32, peer: String) {
        self.descriptor = descriptor
        self.peer = peer
    }

    deinit { close(descriptor) }

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
}

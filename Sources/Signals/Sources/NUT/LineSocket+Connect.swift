import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension LineSocket {
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
}

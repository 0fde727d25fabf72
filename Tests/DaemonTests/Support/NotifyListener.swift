import Foundation

/// A unix datagram socket standing in for systemd's NOTIFY_SOCKET: collects what the daemon sends.
final class NotifyListener: @unchecked Sendable {
    let path: String
    private let descriptor: Int32
    private(set) var received: [String] = []

    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("fw-notify-\(UUID().uuidString.prefix(8))")
            .path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
    }

    deinit {
        close(descriptor)
        unlink(path)
    }

    /// The next datagram, or nil after `timeout` seconds.
    func next(timeout: Double) -> String? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let message = String(decoding: buffer.prefix(count), as: UTF8.self)
        received.append(message)
        return message
    }

    /// Reads datagrams until one satisfies `predicate` (returned) or `timeout` seconds pass (nil).
    func waitFor(timeout: Double, _ predicate: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard let message = next(timeout: deadline.timeIntervalSinceNow) else { return nil }
            if predicate(message) { return message }
        }
        return nil
    }

    /// Everything that arrives within `seconds`.
    func drain(for seconds: Double) -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        var messages: [String] = []
        while Date() < deadline, let message = next(timeout: max(0.01, deadline.timeIntervalSinceNow)) {
            messages.append(message)
        }
        return messages
    }
}

extension String {
    /// The fields of an sd_notify datagram.
    var notifyFields: [String: String] {
        var fields: [String: String] = [:]
        for line in split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        return fields
    }
}

import Foundation
import Testing

@testable import Daemon

/// sd_notify against a real unix datagram socket: what systemd would receive.
@Suite(.serialized) struct SystemdNotifierTests {
    @Test func readyAndStatusReachTheNotifySocket() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fw-notify-\(UUID().uuidString.prefix(8))"
        ).path
        let socketDescriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        #expect(socketDescriptor >= 0)
        defer {
            close(socketDescriptor)
            unlink(path)
        }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        #expect(bound == 0)
        setenv("NOTIFY_SOCKET", path, 1)
        defer { unsetenv("NOTIFY_SOCKET") }
        #expect(SystemdNotifier().ready(status: "4 plans loaded\nsecond line"))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(socketDescriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        #expect(count > 0)
        let datagram = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
        #expect(datagram == "READY=1\nSTATUS=4 plans loaded second line")
    }

    @Test func withoutNotifySocketNothingIsSent() {
        unsetenv("NOTIFY_SOCKET")
        #expect(!SystemdNotifier().isEnabled)
    }
}

import Foundation
import HTTPTransport

/// Kannel (bearerbox + fake SMSC + smsbox) on fresh loopback ports in a temp directory, stopped by PID.
public final class KannelHarness: @unchecked Sendable {
    /// The bearerbox binary.
    public static let bearerbox = "/usr/sbin/bearerbox"
    /// The smsbox binary.
    public static let smsbox = "/usr/sbin/smsbox"
    /// The fake SMSC (kannel-extras; not on PATH).
    public static let fakesmsc = "/usr/lib/kannel/test/fakesmsc"
    /// Whether the Kannel binaries are installed (`kannel`, `kannel-extras`).
    public static let isInstalled = [bearerbox, smsbox, fakesmsc].allSatisfy {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The run directory (configuration, logs, spool).
    public let directory: TemporaryDirectory
    /// The admin/status port.
    public let adminPort: Int
    /// The smsbox sendsms port.
    public let sendsmsPort: Int
    private var children: [ChildProcess] = []
    /// The sendsms URL (user `tester`, password `secret`).
    public var sendsmsURL: String { "http://127.0.0.1:\(sendsmsPort)/cgi-bin/sendsms" }
    /// The file the fake SMSC logs received messages to.
    public var fakeSMSCLog: String { directory.path + "/fakesmsc.err" }

    /// Mobile-originated messages the fake SMSC sends, and where smsbox posts them.
    public struct Inbound: Sendable {
        /// Kannel's sms-service `post-url` (escapes such as `%p`, the sender, are Kannel's).
        public var postURL: String
        /// The messages, each `SENDER RECEIVER text TEXT`, sent one a second from about a second after start.
        public var messages: [String]

        /// Creates the inbound side.
        public init(postURL: String, messages: [String]) {
            self.postURL = postURL
            self.messages = messages
        }
    }

    /// Writes the configuration and starts bearerbox, the fake SMSC and smsbox; with `inbound`, the fake SMSC also
    /// sends those mobile-originated messages, which smsbox posts to its URL (retrying each second for 60 s while
    /// the URL does not answer, so the receiver may start after the harness).
    public init(inbound: Inbound? = nil) throws {
        directory = try TemporaryDirectory()
        let ports = try freePorts(4)
        adminPort = ports[0]
        sendsmsPort = ports[3]
        let config = Self.config(
            dir: directory.path, admin: ports[0], box: ports[1], smsc: ports[2], sendsms: ports[3],
            inboundURL: inbound?.postURL)
        try FileManager.default.createDirectory(atPath: directory.path + "/spool", withIntermediateDirectories: true)
        try config.write(toFile: directory.path + "/kannel.conf", atomically: true, encoding: .utf8)
        let conf = directory.path + "/kannel.conf"
        children.append(
            try ChildProcess(
                executable: Self.bearerbox, arguments: ["-v", "0", conf], stdoutPath: directory.path + "/bearerbox.out",
                stderrPath: directory.path + "/bearerbox.out"))
        guard waitUntil({ isListening(port: ports[2]) }) else { throw HarnessError("bearerbox did not listen") }
        children.append(
            try ChildProcess(
                executable: Self.fakesmsc,
                arguments: ["-H", "127.0.0.1", "-r", String(ports[2])]
                    + (inbound.map { ["-i", "1", "-m", String($0.messages.count)] + $0.messages }
                        ?? ["-m", "0", "x y text z"]),
                stdoutPath: directory.path + "/fakesmsc.out", stderrPath: fakeSMSCLog))
        children.append(
            try ChildProcess(
                executable: Self.smsbox, arguments: ["-v", "0", conf], stdoutPath: directory.path + "/smsbox.out",
                stderrPath: directory.path + "/smsbox.out"))
    }

    /// Waits until status.txt shows the fake SMSC online and smsbox on-line.
    public func waitUntilReady(transport: HTTPTransport) async throws {
        let url = "http://127.0.0.1:\(adminPort)/status.txt?password=statuspw"
        for _ in 0..<250 {
            if let status = try? await transport.perform(HTTPRequest(url: url)).bodyText,
                status.contains("online"), status.contains("on-line")
            {
                return
            }
            try await Task.sleep(for: .milliseconds(40))
        }
        throw HarnessError("Kannel did not come up; see \(directory.path)")
    }

    /// The messages the fake SMSC received: (from, to, kind, rest of the line).
    public func receivedLines() -> [String] {
        let text = (try? String(contentsOfFile: fakeSMSCLog, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "Got message ") else { return nil }
            let rest = line[range.upperBound...]
            guard let open = rest.firstIndex(of: "<"), rest.hasSuffix(">") else { return nil }
            return String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
        }
    }

    /// Stops bearerbox (smsbox and the fake SMSC exit with it), then anything left, by PID.
    public func stop() {
        for child in children { child.stop() }
        directory.remove()
    }

    /// The kannel.conf for the given directory and ports; `inboundURL` is the sms-service's post-url (with no
    /// answer sent back to the phone), else the service answers "no service".
    public static func config(
        dir: String, admin: Int, box: Int, smsc: Int, sendsms: Int, inboundURL: String? = nil
    ) -> String {
        let service =
            inboundURL.map { "post-url = \"\($0)\"\nmax-messages = 0" } ?? "text = \"no service\""
        let retry = inboundURL == nil ? "" : "http-request-retry = 60\nhttp-queue-delay = 1"
        return """
            group = core
            admin-port = \(admin)
            admin-interface = 127.0.0.1
            admin-password = adminpw
            status-password = statuspw
            admin-allow-ip = "127.0.0.1"
            smsbox-port = \(box)
            smsbox-interface = 127.0.0.1
            box-allow-ip = "127.0.0.1"
            log-file = "\(dir)/bearerbox.log"
            log-level = 0
            access-log = "\(dir)/access.log"
            store-type = spool
            store-location = "\(dir)/spool"

            group = smsc
            smsc = fake
            smsc-id = FAKE
            port = \(smsc)
            our-host = 127.0.0.1
            connect-allow-ip = 127.0.0.1

            group = smsbox
            bearerbox-host = 127.0.0.1
            bearerbox-port = \(box)
            sendsms-port = \(sendsms)
            sendsms-interface = 127.0.0.1
            global-sender = 12345
            log-file = "\(dir)/smsbox.log"
            log-level = 0
            access-log = "\(dir)/smsbox-access.log"
            \(retry)

            group = sendsms-user
            username = tester
            password = secret
            user-allow-ip = "127.0.0.1"
            max-messages = 10
            concatenation = true

            group = sms-service
            keyword = default
            \(service)
            catch-all = true

            """
    }
}

/// `count` distinct free loopback ports (bound to port 0, read back, closed).
public func freePorts(_ count: Int) throws -> [Int] {
    var sockets: [Int32] = []
    defer { sockets.forEach { close($0) } }
    var ports: [Int] = []
    for _ in 0..<count {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("socket() failed") }
        sockets.append(fd)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound else { throw HarnessError("bind() failed") }
        ports.append(Int(UInt16(bigEndian: address.sin_port)))
    }
    return ports
}

/// Whether something accepts TCP connections on 127.0.0.1:`port`.
public func isListening(port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    return withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
    }
}

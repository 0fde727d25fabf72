import Foundation
import TestPeers

#if canImport(Glibc)
    import Glibc
#endif

/// A throwaway PostgreSQL server: initdb in a temp directory, loopback only, a fresh port, trust auth for
/// the user `forewarn`; stopped by its PID. As root it runs as the `postgres` system user (initdb refuses root).
final class PostgresServer: @unchecked Sendable {
    /// The directory holding the server's binaries (the newest Debian `postgresql` version installed).
    static let binaries: String? = {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.compactMap(Int.init).sorted().reversed().map { "\(root)/\($0)/bin" }.first {
            FileManager.default.isExecutableFile(atPath: $0 + "/initdb")
                && FileManager.default.isExecutableFile(atPath: $0 + "/postgres")
        }
    }()

    /// Why the PostgreSQL tests are skipped, shown by the test runner.
    static let skipMessage =
        "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (install the Debian package postgresql)"

    /// The server shared by every test in this process (each test uses its own database); nil after a failure.
    nonisolated(unsafe) static var shared: Result<PostgresServer, any Error> = {
        let result = Result { try PostgresServer() }
        atexit { if case .success(let server) = PostgresServer.shared { server.stop() } }
        return result
    }()

    /// The server's port on 127.0.0.1.
    let port: Int
    /// The temp directory (data directory, socket, log).
    let directory: String
    private let child: ChildProcess

    /// With `tls`, the server's self-signed certificate (for the names `db.example` and `localhost`, not an address).
    let certificate: String?

    /// Runs initdb and starts the server (with `tls`, `ssl=on` and a self-signed certificate made by the
    /// `openssl` command); throws with the server log's path when it does not come up.
    init(tls: Bool = false) throws {
        guard let binaries = Self.binaries else { throw HarnessError(Self.skipMessage) }
        var template = Array((NSTemporaryDirectory() + "/forewarn-pg-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw HarnessError("mkdtemp failed") }
        directory = String(cString: made)
        let prefix = try Self.dropPrivileges(directory: directory)
        func command(_ tool: String, _ arguments: [String]) -> (String, [String]) {
            prefix.isEmpty
                ? (binaries + "/" + tool, arguments)
                : (prefix[0], prefix.dropFirst() + [binaries + "/" + tool] + arguments)
        }
        let setup = command(
            "initdb", ["-D", directory + "/data", "-U", "forewarn", "--auth=trust", "-E", "UTF8", "--no-sync"])
        let initdb = try ChildProcess(
            executable: setup.0, arguments: setup.1,
            stdoutPath: directory + "/initdb.log", stderrPath: directory + "/initdb.log")
        guard waitUntil(timeout: .seconds(120), { !initdb.isRunning }),
            FileManager.default.fileExists(atPath: directory + "/data/PG_VERSION")
        else {
            initdb.stop()
            throw HarnessError("initdb failed; see \(directory)/initdb.log")
        }
        port = try Self.freePort()
        var settings = [
            "-D", directory + "/data", "-c", "listen_addresses=127.0.0.1", "-k", directory, "-p", String(port),
            "-c", "fsync=off", "-c", "max_connections=200", "-c", "shared_buffers=64MB",
        ]
        certificate = tls ? directory + "/server.crt" : nil
        if tls {
            try Self.makeCertificate(in: directory, name: "server", owner: prefix.isEmpty ? nil : "postgres")
            settings += [
                "-c", "ssl=on", "-c", "ssl_cert_file=\(directory)/server.crt", "-c",
                "ssl_key_file=\(directory)/server.key",
            ]
        }
        let server = command("postgres", settings)
        child = try ChildProcess(
            executable: server.0, arguments: server.1,
            stdoutPath: directory + "/server.log", stderrPath: directory + "/server.log")
        let child = child
        let ready = waitUntil(timeout: .seconds(60)) {
            let log = (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
            return log.contains("ready to accept connections") || !child.isRunning
        }
        guard ready, child.isRunning else {
            child.stop()
            throw HarnessError("PostgreSQL did not start; see \(directory)/server.log")
        }
    }

    /// A self-signed certificate `NAME.crt` and key `NAME.key` for `db.example` and `localhost` (openssl command), the key
    /// private to `owner` as PostgreSQL requires.
    static func makeCertificate(in directory: String, name: String, owner: String?) throws {
        let openssl = try ChildProcess(
            executable: "/usr/bin/openssl",
            arguments: [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=db.example",
                "-addext", "subjectAltName=DNS:db.example,DNS:localhost", "-keyout", "\(directory)/\(name).key", "-out",
                "\(directory)/\(name).crt",
            ],
            stdoutPath: directory + "/openssl.log", stderrPath: directory + "/openssl.log")
        guard waitUntil(timeout: .seconds(60), { !openssl.isRunning }), openssl.exitCode == 0 else {
            openssl.stop()
            throw HarnessError("openssl could not make a certificate; see \(directory)/openssl.log")
        }
        chmod("\(directory)/\(name).key", 0o600)
        if let owner, let user = getpwnam(owner) {
            for file in ["\(name).key", "\(name).crt"] {
                guard chown("\(directory)/\(file)", user.pointee.pw_uid, user.pointee.pw_gid) == 0 else {
                    throw HarnessError("cannot chown \(directory)/\(file) to \(owner)")
                }
            }
        }
    }

    /// `setpriv` arguments that run a command as `postgres` when we are root (and chown the directory to it).
    private static func dropPrivileges(directory: String) throws -> [String] {
        guard getuid() == 0 else { return [] }
        guard let user = getpwnam("postgres") else {
            throw HarnessError("running as root and no 'postgres' user exists (install the Debian package postgresql)")
        }
        guard chown(directory, user.pointee.pw_uid, user.pointee.pw_gid) == 0 else {
            throw HarnessError("cannot chown \(directory) to postgres")
        }
        return ["/usr/bin/setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"]
    }

    /// A port the kernel just handed out on 127.0.0.1 (closed again for the server to bind).
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else { throw HarnessError("cannot find a free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Fast shutdown (SIGINT) by PID, then removes the directory.
    func stop() {
        child.send(SIGINT)
        _ = waitUntil(timeout: .seconds(10)) { !child.isRunning }
        child.stop(grace: .seconds(1))
        try? FileManager.default.removeItem(atPath: directory)
    }
}

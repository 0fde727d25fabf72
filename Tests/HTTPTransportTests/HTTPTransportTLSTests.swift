import Foundation
import TestPeers
import Testing

@testable import HTTPTransport

/// HTTPS through the real libcurl against a real TLS server (Python's `ssl` on loopback, a certificate made with
/// the `openssl` command). libcurl is Debian's GnuTLS build (docs/daemon.md, "Memory": it leaves OpenSSL's
/// libcrypto uninitialised); these tests pin that choice and show TLS still verifies certificates.
@Suite(
    .enabled(
        if: LoopbackServer.isPythonAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"),
        "needs python3 and the openssl command"))
struct HTTPTransportTLSTests {
    @Test func libcurlIsTheGnuTLSBuild() {
        let library = HTTPTransport.tlsLibrary
        #expect(library?.hasPrefix("GnuTLS/") == true, "libcurl's TLS library is \(library ?? "none")")
    }

    @Test func aCertificateNobodyTrustsIsRefusedAtVerification() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let certificate = directory.path + "/server.pem"
        let key = directory.path + "/server.key"
        let log = directory.path + "/openssl.log"
        let openssl = try ChildProcess(
            executable: "/usr/bin/openssl",
            arguments: [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", certificate,
            ], stdoutPath: log, stderrPath: log)
        let made = waitUntil(timeout: .seconds(60)) { !openssl.isRunning }
        try #require(made && openssl.exitCode == 0, "openssl could not make a certificate; see \(log)")
        let server = try LoopbackServer(certificate: certificate, key: key)
        defer { server.stop() }
        #expect(server.baseURL.hasPrefix("https://"))
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        await #expect {
            _ = try await transport.perform(HTTPRequest(url: server.baseURL + "/bytes/5"))
        } throws: { error in
            // The handshake got as far as the certificate: verification (not the connection) refused it.
            guard case .tls(let message) = error as? HTTPTransportError else { return false }
            return message.lowercased().contains("certificate")
        }
        // Plain HTTP to the same server gets no HTTP answer: it speaks TLS only (its handshake rejects the request).
        let plain = server.baseURL.replacingOccurrences(of: "https://", with: "http://")
        await #expect(throws: (any Error).self) {
            _ = try await transport.perform(HTTPRequest(url: plain + "/bytes/5"))
        }
    }
}

import Foundation
import Testing

@testable import HTTPTransport

@Suite(
    .enabled(if: LoopbackServer.isPythonAvailable, "python3 is not installed: the loopback test server cannot start"))
struct HTTPTransportTests {
    @Test func getReturnsStatusHeadersAndBody() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let response = try await transport.perform(HTTPRequest(url: server.baseURL + "/bytes/5"))
        #expect(response.status == 200)
        #expect(response.bodyText == "xxxxx")
        #expect(response.headerValue("content-length") == "5")
    }

    @Test func postSendsMethodHeadersAndExactBodyBytes() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let body: [UInt8] = Array("{\"text\":\"¡Hola, señor!\"}".utf8) + [0, 255, 10]
        let request = HTTPRequest(
            method: "POST", url: server.baseURL + "/echo",
            headers: [HTTPHeader("Content-Type", "application/json"), HTTPHeader("webhook-id", "msg_1")],
            body: body)
        let response = try await transport.perform(request)
        #expect(response.status == 200)
        #expect(response.headerValue("X-ECHO-LENGTH") == String(body.count))
        let echo = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        let headers = echo?["headers"] as? [String: String]
        #expect(echo?["method"] as? String == "POST")
        #expect(headers?["webhook-id"] == "msg_1")
        #expect(headers?["content-type"] == "application/json")
        #expect(headers?["expect"] == nil)
        let echoed = (echo?["body"] as? String).map { Array($0.unicodeScalars.map { UInt8($0.value) }) }
        #expect(echoed == body)
    }

    @Test func serverErrorIsAResponseNotAnError() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let response = try await transport.perform(HTTPRequest(method: "PUT", url: server.baseURL + "/status/500"))
        #expect(response.status == 500)
        #expect(response.bodyText == "status 500")
    }

    @Test func refusedPortIsReportedAsRefused() async throws {
        let server = try LoopbackServer()
        let url = server.baseURL + "/echo"
        server.stop()
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        await #expect {
            _ = try await transport.perform(HTTPRequest(url: url))
        } throws: { error in
            if case .connectionRefused = error as? HTTPTransportError { return true }
            return false
        }
    }

    @Test func slowServerHitsTheTotalTimeout() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let request = HTTPRequest(url: server.baseURL + "/sleep/5", totalTimeout: .milliseconds(300))
        await #expect {
            _ = try await transport.perform(request)
        } throws: { error in
            if case .timedOut = error as? HTTPTransportError { return true }
            return false
        }
    }

    @Test(arguments: ["/bytes/5000", "/stream/5000"])
    func oversizedBodyIsAborted(path: String) async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let request = HTTPRequest(url: server.baseURL + path, maximumResponseBytes: 1000)
        await #expect(throws: HTTPTransportError.responseTooLarge(limit: 1000)) {
            _ = try await transport.perform(request)
        }
        let fits = try await transport.perform(HTTPRequest(url: server.baseURL + path, maximumResponseBytes: 5000))
        #expect(fits.body.count == 5000)
    }
}

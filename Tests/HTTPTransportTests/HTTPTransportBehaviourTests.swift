import Foundation
import Testing

@testable import HTTPTransport

@Suite(
    .enabled(if: LoopbackServer.isPythonAvailable, "python3 is not installed: the loopback test server cannot start"))
struct HTTPTransportBehaviourTests {
    @Test func secondRequestReusesTheConnection() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let first = try await transport.perform(HTTPRequest(url: server.baseURL + "/bytes/1"))
        let second = try await transport.perform(HTTPRequest(url: server.baseURL + "/bytes/1"))
        #expect(first.reusedConnection == false)
        #expect(second.reusedConnection == true)
    }

    @Test func concurrentRequestsAllComplete() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<8 {
                group.addTask {
                    let path = index.isMultiple(of: 2) ? "/sleep/0.2" : "/status/\(200 + index)"
                    return try await transport.perform(HTTPRequest(url: server.baseURL + path)).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.sorted() == [200, 200, 200, 200, 201, 203, 205, 207])
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let task = Task { try await transport.perform(HTTPRequest(url: server.baseURL + "/sleep/10")) }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
    }

    @Test func requestWithALineBreakInAHeaderIsRejected() async throws {
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let request = HTTPRequest(url: "http://127.0.0.1:9/", headers: [HTTPHeader("x-a", "b\r\nInjected: 1")])
        await #expect {
            _ = try await transport.perform(request)
        } throws: { error in
            if case .invalidRequest(let message) = error as? HTTPTransportError { return message.contains("x-a") }
            return false
        }
    }

    @Test func unresolvableHostIsANameResolutionError() async throws {
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        await #expect {
            _ = try await transport.perform(HTTPRequest(url: "http://no-such-host.invalid/"))
        } throws: { error in
            if case .nameResolution = error as? HTTPTransportError { return true }
            return false
        }
    }

    @Test func requestsAfterShutdownFail() async throws {
        let transport = HTTPTransport()
        transport.shutdown()
        await #expect(throws: HTTPTransportError.shutDown) {
            _ = try await transport.perform(HTTPRequest(url: "http://127.0.0.1:9/"))
        }
    }
}

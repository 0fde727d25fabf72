import Foundation
import HTTPTransport
import TestPeers
import Testing

@testable import Signals

/// The HTTP JSON source against the committed Python server: JSON, and on purpose garbage, HTML and timeouts.
@Suite(.enabled(if: SignalHTTPServer.isAvailable, "python3 is not installed: apt-get install python3"))
struct HTTPJSONSourceTests {
    private func read(
        _ server: SignalHTTPServer, _ path: String, pointer: String = "/value",
        headers: [HTTPHeaderConfig] = [], credentials: CredentialReader = CredentialReader(environment: [:]),
        timeout: Duration = .seconds(5), validator: SampleValidator = SampleValidator()
    )
        async -> (PollOutcome, Result<RawReading, SignalReadError>)
    {
        let transport = HTTPTransport(logger: LogRecorder().makeLogger())
        defer { transport.shutdown() }
        let source = HTTPJSONSource(
            config: HTTPJSONSourceConfig(url: server.url(path), pointer: pointer, headers: headers),
            transport: transport, credentials: credentials)
        let result = await source.read(timeout: timeout)
        return (PollOutcome.make(from: result, validator: validator, at: Date()), result)
    }

    @Test func readsTheValueAtThePointerAndFollowsChanges() async throws {
        let server = try await SignalHTTPServer()
        defer { server.stop() }
        let (first, _) = await read(server, "/json", pointer: "/data/load")
        #expect(first == .accepted(Sample(time: first.sampleTime!, value: .number(42.5))))
        try server.write("77.25", to: "load")
        let (second, _) = await read(server, "/json", pointer: "/data/load")
        #expect(second.sampleValue == .number(77.25))
        let (element, _) = await read(server, "/json", pointer: "/list/2")
        #expect(element.sampleValue == .number(3))
        let (state, _) = await read(server, "/json", pointer: "/data/status", validator: SampleValidator(kind: .state))
        #expect(state.sampleValue == .state(["OL"]))
        let (string, _) = await read(server, "/json-string")
        #expect(string.sampleValue == .number(17.25))
    }

    @Test func rejectsNaNTextGarbageAndHTML() async throws {
        let server = try await SignalHTTPServer()
        defer { server.stop() }
        var reasons: [BadSampleReason?] = []
        for path in ["/json-nan", "/json-text", "/garbage", "/html-error", "/html-ok"] {
            let (outcome, _) = await read(server, path)
            reasons.append(outcome.rejection)
        }
        #expect(reasons == [.notANumber, .nonNumericText, .nonNumericText, .htmlPage, .htmlPage])
    }

    @Test func failsWithTheReasonForErrorsMissingValuesAndTimeouts() async throws {
        let server = try await SignalHTTPServer()
        defer { server.stop() }
        let (_, status) = await read(server, "/status-500")
        #expect(status.failure?.code == .peerError)
        #expect(status.failure?.message == "\(server.url("/status-500")) answered HTTP 500: 'internal error'")
        let (_, missing) = await read(server, "/json", pointer: "/data/queue")
        #expect(missing.failure?.message == "JSON pointer '/data/queue': no member 'queue' in '/data'")
        let (_, object) = await read(server, "/json", pointer: "/data")
        #expect(object.failure?.code == .malformed)
        let (_, slow) = await read(server, "/slow", timeout: .milliseconds(700))
        #expect(slow.failure?.code == .timeout)
        let closed = try TestEnvironment.freePort()
        let transport = HTTPTransport(logger: LogRecorder().makeLogger())
        defer { transport.shutdown() }
        let refused = await HTTPJSONSource(
            config: HTTPJSONSourceConfig(url: "http://127.0.0.1:\(closed)/x", pointer: ""),
            transport: transport
        ).read(timeout: .seconds(2))
        #expect(refused.failure?.code == .unreachable)
    }

    @Test func sendsACredentialFromTheCredentialsDirectory() async throws {
        let server = try await SignalHTTPServer()
        defer { server.stop() }
        try server.write("t0ken", to: "token")
        let credentials = try TestEnvironment.makeTemporaryDirectory("creds")
        defer { try? FileManager.default.removeItem(at: credentials) }
        try "t0ken\n".write(to: credentials.appendingPathComponent("ops-token"), atomically: true, encoding: .utf8)
        let header = HTTPHeaderConfig(name: "Authorization", value: "Bearer ", credential: "ops-token")
        let reader = CredentialReader(environment: ["CREDENTIALS_DIRECTORY": credentials.path])
        let (outcome, _) = await read(server, "/needs-token", headers: [header], credentials: reader)
        #expect(outcome.sampleValue == .number(7))
        let (_, without) = await read(server, "/needs-token")
        #expect(without.failure?.message.contains("answered HTTP 401") == true)
        let (_, missing) = await read(server, "/needs-token", headers: [header])
        #expect(missing.failure?.code == .local)
        #expect(missing.failure?.message.hasPrefix("credential 'ops-token' not found") == true)
    }
}

extension PollOutcome {
    /// The accepted sample's value.
    var sampleValue: SignalValue? {
        if case .accepted(let sample) = self { return sample.value }
        return nil
    }

    /// The accepted sample's time.
    var sampleTime: Date? {
        if case .accepted(let sample) = self { return sample.time }
        return nil
    }

    /// The rejection reason.
    var rejection: BadSampleReason? {
        if case .rejected(let bad) = self { return bad.reason }
        return nil
    }
}

/// Secrets in URLs never reach messages.
struct URLRedactionTests {
    @Test func hidesUserInformation() {
        #expect(
            HTTPSourceSupport.redacted("https://ops:s3cret@example.com/api?x=1") == "https://***@example.com/api?x=1")
        #expect(
            HTTPSourceSupport.redacted("http://127.0.0.1:9090/api/v1/query?query=a@b")
                == "http://127.0.0.1:9090/api/v1/query?query=a@b")
        #expect(HTTPSourceSupport.redacted("not a url") == "not a url")
    }
}

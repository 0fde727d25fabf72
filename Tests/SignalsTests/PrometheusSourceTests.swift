import Foundation
import HTTPTransport
import TestPeers
import Testing

@testable import Signals

/// The Prometheus source against a real Prometheus scraping a metrics file the test rewrites.
@Suite(
    .enabled(
        if: PrometheusServer.isAvailable, "Prometheus or python3 is not installed: apt-get install prometheus python3"))
struct PrometheusSourceTests {
    @Test func followsAScrapedValueAndExplainsEmptyAndAmbiguousQueries() async throws {
        let server = try await PrometheusServer(
            metrics: "test_load{site=\"a\"} 7\ntest_load{site=\"b\"} 9\ntest_nan NaN")
        defer { server.stop() }
        let transport = HTTPTransport(logger: LogRecorder().makeLogger())
        defer { transport.shutdown() }
        func read(_ query: String) async -> Result<RawReading, SignalReadError> {
            await PrometheusSource(
                config: PrometheusSourceConfig(baseURL: server.baseURL, query: query), transport: transport
            )
            .read(timeout: .seconds(5))
        }
        let validator = SampleValidator(kind: .numeric, validRange: 0...100)
        func value(_ query: String) async -> SignalValue? {
            guard case .success(let reading) = await read(query) else { return nil }
            return (try? validator.validate(reading, at: Date()).get())?.value
        }

        // The first sample takes about 6 s whatever the scrape interval: wait up to 20 s.
        let scraped = await TestEnvironment.wait(upTo: 20) { await value("test_load{site=\"a\"}") == .number(7) }
        #expect(scraped, "Prometheus never returned test_load{site=\"a\"} = 7")

        try server.target.write("test_load{site=\"a\"} 55\ntest_load{site=\"b\"} 9\ntest_nan NaN", to: "metrics")
        let followed = await TestEnvironment.wait(upTo: 15) { await value("test_load{site=\"a\"}") == .number(55) }
        #expect(followed, "Prometheus never returned the rewritten value 55")
        #expect(await value("sum(test_load)") == .number(64))

        let empty = await read("nosuch_metric")
        #expect(empty.failure?.code == .noData)
        let ambiguous = await read("test_load")
        #expect(ambiguous.failure?.message.contains("returned 2 series") == true)
        let broken = await read("sum((")
        #expect(broken.failure?.code == .peerError)
        #expect(broken.failure?.message.contains("parse error") == true)
        guard case .success(let nan) = await read("test_nan"),
            case .failure(let bad) = validator.validate(nan, at: Date())
        else {
            Issue.record("test_nan was not read or not rejected")
            return
        }
        #expect(bad.reason == .notANumber)
    }

    @Test func anUnreachableServerIsAReadFailure() async throws {
        let transport = HTTPTransport(logger: LogRecorder().makeLogger())
        defer { transport.shutdown() }
        let port = try TestEnvironment.freePort()
        let result = await PrometheusSource(
            config: PrometheusSourceConfig(baseURL: "http://127.0.0.1:\(port)/", query: "up"),
            transport: transport
        ).read(timeout: .seconds(2))
        #expect(result.failure?.code == .unreachable)
        #expect(result.failure?.message.hasPrefix("GET http://127.0.0.1:\(port)/api/v1/query?query=up:") == true)
    }

    @Test func encodesTheQuery() {
        let transport = HTTPTransport(logger: LogRecorder().makeLogger())
        defer { transport.shutdown() }
        let source = PrometheusSource(
            config: PrometheusSourceConfig(baseURL: "http://p:9090//", query: "sum(rate(x{job=\"a b\"}[5m]))"),
            transport: transport)
        #expect(
            source.queryURL == "http://p:9090/api/v1/query?query=sum%28rate%28x%7Bjob%3D%22a%20b%22%7D%5B5m%5D%29%29")
    }
}

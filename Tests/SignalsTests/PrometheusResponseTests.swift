import Foundation
import TestPeers
import Testing

@testable import Signals

/// Answers captured from a real Prometheus (Fixtures/prometheus, see the README there).
struct PrometheusResponseTests {
    private func answer(_ name: String, status: Int = 200, query: String = "q") throws -> Result<
        RawReading, SignalReadError
    > {
        let body = try Data(contentsOf: TestEnvironment.fixtures.appendingPathComponent("prometheus/\(name).json"))
        return PrometheusResponse.reading(status: status, body: Array(body), query: query)
    }

    @Test func readsOneVectorSampleWithItsTimestamp() throws {
        let reading = try answer("vector").get()
        #expect(reading.payload == .text("7"))
        #expect(reading.timestamp == Date(timeIntervalSince1970: 1_795_410_464.360))
    }

    @Test func readsAScalar() throws {
        let reading = try answer("scalar").get()
        #expect(reading.payload == .text("7"))
        #expect(reading.timestamp == Date(timeIntervalSince1970: 1_795_410_464.413))
    }

    @Test func anEmptyVectorIsNoData() throws {
        let result = try answer("empty", query: "nosuch_metric")
        #expect(result.failure?.code == .noData)
        #expect(
            result.failure?.message.hasPrefix("no data: the query 'nosuch_metric' returned an empty vector") == true)
    }

    @Test func severalSeriesAskForAnAggregation() throws {
        let result = try answer("two-series", query: "test_load")
        #expect(result.failure?.code == .malformed)
        #expect(result.failure?.message.contains("returned 2 series; aggregate it") == true)
    }

    @Test func aRangeVectorIsRefused() throws {
        #expect(try answer("matrix").failure?.message.contains("returned a matrix") == true)
    }

    @Test func aQueryErrorCarriesPrometheusMessage() throws {
        let result = try answer("parse-error", status: 400, query: "sum((")
        #expect(result.failure?.code == .peerError)
        #expect(
            result.failure?.message
                == "Prometheus rejected the query 'sum((': bad_data: invalid parameter \"query\": 1:6: parse error: unclosed left parenthesis"
        )
    }

    @Test func nanInfAndStringsBecomeBadSamples() throws {
        let validator = SampleValidator(kind: .numeric)
        let now = Date(timeIntervalSince1970: 1_795_410_461)
        let reasons = try ["nan", "inf", "string"].map { name -> BadSampleReason? in
            if case .failure(let bad) = validator.validate(try answer(name).get(), at: now) { return bad.reason }
            return nil
        }
        #expect(reasons == [.notANumber, .infinite, .nonNumericText])
    }

    @Test func htmlAndGarbageAreNotMistakenForValues() {
        let html = PrometheusResponse.reading(
            status: 502, body: Array("<html><body>Bad Gateway</body></html>".utf8), query: "q")
        #expect((try? html.get())?.payload == .text("<html><body>Bad Gateway</body></html>"))
        let garbage = PrometheusResponse.reading(status: 200, body: Array("oops".utf8), query: "q")
        #expect(garbage.failure?.code == .malformed)
    }
}

import Foundation
import Testing

@testable import Forecast

/// The shape of `predict_linear.json`.
struct PredictLinearFixture: Decodable {
    struct Case: Decodable {
        let windowS, horizonS, evalTimeS, promtool242Closed, leftOpen3X: Double
    }
    let stepS: Double
    let values: [Double]
    let cases: [Case]
}

@Suite struct PredictLinearKnownAnswerTests {
    let fixture: PredictLinearFixture
    let samples: [Sample]

    init() throws {
        fixture = try loadFixture("predict_linear", as: PredictLinearFixture.self)
        let step = fixture.stepS
        samples = fixture.values.enumerated().map {
            Sample(time: Date(timeIntervalSince1970: Double($0.offset) * step), value: $0.element)
        }
    }

    func relativeError(_ value: Double?, _ reference: Double) -> Double {
        guard let value else { return .infinity }
        return abs(value - reference) / max(1, abs(reference))
    }

    @Test func closedWindowMatchesPromtool242() {
        #expect(fixture.cases.count > 10)
        for c in fixture.cases {
            let value = LinearTrend.predictLinear(
                samples, at: Date(timeIntervalSince1970: c.evalTimeS), window: c.windowS, horizon: c.horizonS,
                bounds: .closed)
            #expect(relativeError(value, c.promtool242Closed) < 1e-9, "t=\(c.evalTimeS) w=\(c.windowS)")
        }
    }

    @Test func leftOpenWindowMatchesPrometheus3() {
        for c in fixture.cases {
            let value = LinearTrend.predictLinear(
                samples, at: Date(timeIntervalSince1970: c.evalTimeS), window: c.windowS, horizon: c.horizonS,
                bounds: .leftOpen)
            #expect(relativeError(value, c.leftOpen3X) < 1e-9, "t=\(c.evalTimeS) w=\(c.windowS)")
        }
    }

    @Test func forecasterAgreesWithPredictLinearOnItsWindow() throws {
        var forecaster = LinearTrendForecaster(window: 3600, bounds: .closed)
        for sample in samples.prefix(11) { forecaster.observe(sample) }
        let last = try #require(samples.prefix(11).last)
        let expected = LinearTrend.predictLinear(
            Array(samples.prefix(11)), at: last.time, window: 3600, horizon: 3600, bounds: .closed)
        let points = forecaster.forecast(horizon: 3600)
        #expect(points.count == 2)
        #expect(relativeError(points.last?.value, try #require(expected)) < 1e-12)
        #expect(forecaster.windowSamples.count == 3)
    }

    @Test func constantSeriesHasNoSlope() throws {
        let flat = (0..<5).map { Sample(time: Date(timeIntervalSince1970: Double($0) * 60), value: 7) }
        let line = try #require(LinearTrend.fit(flat, interceptTime: flat[4].time))
        #expect(line.slope == 0)
        #expect(line.intercept == 7)
        #expect(LinearTrend.fit(flat.prefix(1), interceptTime: flat[0].time) == nil)
    }
}

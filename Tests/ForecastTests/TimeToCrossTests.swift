import Foundation
import Testing

@testable import Forecast

@Suite struct TimeToCrossTests {
    let forecaster: SeasonalForecaster

    init() throws {
        forecaster = try SeasonalForecaster(history: SyntheticSeries.samples(count: 48 * 14, noise: 2))
    }

    @Test func findsTheFirstStepForeseenAboveTheThreshold() throws {
        let crossing = try #require(
            forecaster.timeToCross(threshold: 110, direction: .above, confidence: 0.5, within: 86_400))
        let points = forecaster.forecast(horizon: 86_400)
        let first = try #require(points.first { $0.value > 110 })
        #expect(crossing == first.time)
        #expect(crossing > forecaster.lastObservation)
    }

    @Test func higherConfidenceNeverWarnsEarlier() throws {
        let loose = try #require(
            forecaster.timeToCross(threshold: 115, direction: .above, confidence: 0.5, within: 86_400))
        if let strict = forecaster.timeToCross(threshold: 115, direction: .above, confidence: 0.95, within: 86_400) {
            #expect(strict >= loose)
        }
    }

    @Test func unreachableThresholdsAndShortWindowsGiveNil() {
        #expect(forecaster.timeToCross(threshold: 1000, direction: .above, confidence: 0.8, within: 86_400) == nil)
        #expect(forecaster.timeToCross(threshold: 0, direction: .below, confidence: 0.8, within: 86_400) == nil)
        #expect(forecaster.timeToCross(threshold: 110, direction: .above, confidence: 0.8, within: 60) == nil)
    }

    @Test func belowUsesTheUpperSide() throws {
        let crossing = try #require(
            forecaster.timeToCross(threshold: 90, direction: .below, confidence: 0.8, within: 86_400))
        let point = try #require(forecaster.forecast(horizon: 86_400, confidence: 0.6).first { $0.time == crossing })
        #expect(point.upper < 90)
    }

    @Test func linearTrendCrossesWhereTheLineDoes() throws {
        var disk = LinearTrendForecaster(window: 3600)
        for k in 0...60 {
            disk.observe(Sample(time: Date(timeIntervalSince1970: Double(k) * 60), value: 50 + Double(k) * 0.1))
        }
        // 56 % at minute 60, +0.1 per minute: above 59.95 % from minute 100.
        let crossing = try #require(
            disk.timeToCross(threshold: 59.95, direction: .above, confidence: 0.9, within: 7200))
        #expect(abs(crossing.timeIntervalSince1970 - 6000) < 1e-6)
        #expect(disk.timeToCross(threshold: 59.95, direction: .above, confidence: 0.9, within: 1800) == nil)
    }
}

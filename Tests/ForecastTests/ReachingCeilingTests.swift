import Foundation
import Testing

@testable import Forecast

/// A capacity equal to the signal's ceiling (a CPU pinned at 100 %): a breach is `value >= capacity`, so a
/// forecast that reaches the ceiling must count as foreseen, and nothing above the ceiling may be foreseen.
@Suite struct ReachingCeilingTests {
    /// A daily sine clipped at `ceiling`: the slots around the daily peak sit exactly at the ceiling every day.
    static func clipped(days: Int, ceiling: Double, noise: Double = 0) -> [Sample] {
        SyntheticSeries.samples(count: 48 * days, noise: noise).map {
            Sample(time: $0.time, value: min($0.value, ceiling))
        }
    }

    @Test func aCeilingSeenInEverySeasonIsForecastExactlyAndReached() throws {
        let configuration = ForecastConfiguration(season: 86_400, kind: .sameSlot)
        let forecaster = try SeasonalForecaster(
            history: Self.clipped(days: 14, ceiling: 115), configuration: configuration)
        let points = forecaster.forecast(horizon: 86_400, confidence: 0)
        let atCeiling = points.filter { $0.value == 115 }
        #expect(!atCeiling.isEmpty, "the clipped slots are forecast as exactly the ceiling")
        #expect(points.allSatisfy { $0.value <= 115 })
        let reached = try #require(
            forecaster.timeToCross(threshold: 115, direction: .above, confidence: 0.5, within: 86_400))
        #expect(reached == atCeiling.first?.time)
        #expect(
            forecaster.timeToCross(threshold: 115.000_001, direction: .above, confidence: 0.5, within: 86_400) == nil,
            "a flat ceiling gives no overshoot")
    }

    @Test func aZeroProbabilityIntervalIsThePointForecast() throws {
        let forecaster = try SeasonalForecaster(history: SyntheticSeries.samples(count: 48 * 14, noise: 2))
        for point in forecaster.forecast(horizon: 7200, confidence: 0) {
            #expect(point.lower == point.value && point.upper == point.value)
        }
        for point in forecaster.forecast(horizon: 7200, confidence: 0.8) {
            #expect(point.lower < point.value && point.value < point.upper)
        }
    }

    @Test func theMedianCrossingIsWhereThePointForecastReachesTheThreshold() throws {
        let forecaster = try SeasonalForecaster(history: SyntheticSeries.samples(count: 48 * 14, noise: 2))
        let points = forecaster.forecast(horizon: 86_400, confidence: 0)
        let peak = try #require(points.map(\.value).max())
        let reached = try #require(
            forecaster.timeToCross(threshold: peak, direction: .above, confidence: 0.5, within: 86_400))
        #expect(reached == points.first { $0.value == peak }?.time)
        #expect(
            forecaster.timeToCross(threshold: peak.nextUp, direction: .above, confidence: 0.5, within: 86_400) == nil)
        let trough = try #require(points.map(\.value).min())
        let fallen = try #require(
            forecaster.timeToCross(threshold: trough, direction: .below, confidence: 0.5, within: 86_400))
        #expect(fallen == points.first { $0.value == trough }?.time)
    }

    @Test func noiseUnderTheCeilingIsNotForeseenAtIt() throws {
        // Noise of ±2 around a ceiling-free sine whose peak is 120: a capacity of 125 is never foreseen.
        let forecaster = try SeasonalForecaster(history: SyntheticSeries.samples(count: 48 * 14, noise: 2))
        #expect(forecaster.timeToCross(threshold: 125, direction: .above, confidence: 0.5, within: 86_400) == nil)
    }

    @Test func aLinearTrendReachingTheThresholdExactlyCounts() throws {
        var disk = LinearTrendForecaster(window: 3600)
        for k in 0...60 {
            disk.observe(Sample(time: Date(timeIntervalSince1970: Double(k) * 60), value: Double(k)))
        }
        // One per minute, exactly: 90 at minute 90.
        let reached = try #require(disk.timeToCross(threshold: 90, direction: .above, confidence: 0.5, within: 3600))
        #expect(abs(reached.timeIntervalSince1970 - 90 * 60) < 1e-6)
    }
}

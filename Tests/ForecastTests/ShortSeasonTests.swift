import Foundation
import Testing

@testable import Forecast

/// Season detection by autocorrelation peaks: an hourly period (a batch job's spike every hour) is a season
/// when the autocorrelation really peaks at one hour, not when a smooth series merely correlates at short lags.
@Suite struct ShortSeasonTests {
    static let step: TimeInterval = 300
    static let start = Date(timeIntervalSince1970: 1_400_000_400)

    /// A 5-minute CPU-like trace: level 20 plus a one-step spike every hour whose height is `spike(day)`.
    static func hourlySpikes(days: Int, spike: (Int) -> Double) -> [Sample] {
        var generator = SplitMix(seed: 11)
        return (0..<(288 * days)).map { k in
            let jitter = Double(generator.next() % 201) / 100 - 1
            let value = (k % 12 == 6 ? spike(k / 288) : 20) + jitter
            return Sample(time: start.addingTimeInterval(Double(k) * step), value: value)
        }
    }

    /// A daily sine plus smooth (autoregressive) noise of a similar size: every short lag correlates highly,
    /// only the day repeats.
    static func smoothDailyWithNoise(days: Int) -> [Double] {
        var generator = SplitMix(seed: 5)
        var noise = 0.0
        return (0..<(288 * days)).map { k in
            noise = 0.95 * noise + Double(generator.next() % 2001) / 1000 - 1
            return 100 + 3 * sin(2 * Double.pi * Double(k) / 288) + noise
        }
    }

    @Test func aSmoothSeriesIsNotGivenAnHourlySeason() {
        let values = Self.smoothDailyWithNoise(days: 14)
        let hourly = SeasonDetector.autocorrelation(of: values, lag: 12)
        let daily = SeasonDetector.autocorrelation(of: values, lag: 288)
        #expect(hourly > daily, "the trap: the short lag correlates more (\(hourly) vs \(daily))")
        #expect(SeasonDetector.detect(in: values, candidates: [12, 288, 2016]) == 288)
    }

    @Test func hourlySpikesAreAnHourlySeason() throws {
        let history = Self.hourlySpikes(days: 7) { _ in 90 }
        let values = history.map(\.value)
        #expect(SeasonDetector.detect(in: values, candidates: [12, 288]) == 12)
        let forecaster = try SeasonalForecaster(history: history)
        #expect(forecaster.seasonLength == 12)
    }

    /// Spikes at 90 for a week, then reset to 50: after a few hours at the new height, the next spikes are
    /// foreseen at the new height (a daily same-slot mean would still hold the week's 90s for days).
    @Test func spikesThatResetLowerAreNotForeseenAtTheirOldHeight() throws {
        let history = Self.hourlySpikes(days: 8) { $0 < 7 ? 90 : 50 }
        let forecaster = try SeasonalForecaster(history: Array(history.prefix(288 * 7 + 12 * 4)))
        #expect(forecaster.seasonLength == 12)
        #expect(forecaster.timeToCross(threshold: 70, direction: .above, confidence: 0.5, within: 7200) == nil)
        let next = forecaster.forecast(horizon: 3600, confidence: 0).map(\.value).max() ?? 0
        #expect(abs(next - 50) < 10, "the next spike is foreseen near 50, not \(next)")
        let daily = try SeasonalForecaster(
            history: Array(history.prefix(288 * 7 + 12 * 4)), configuration: ForecastConfiguration(season: 86_400))
        #expect(
            daily.timeToCross(threshold: 70, direction: .above, confidence: 0.5, within: 7200) != nil,
            "the contrast: a daily season still foresees the old spikes")
    }

    /// Four hourly seasons are four hours: the calibration replay still spans a day of origins, so the
    /// intervals are learnt from more than a handful of errors.
    @Test func aShortSeasonIsCalibratedOnADay() throws {
        let forecaster = try SeasonalForecaster(history: Self.hourlySpikes(days: 7) { _ in 90 })
        #expect(forecaster.seasonLength == 12)
        #expect(forecaster.ring.capacity >= 288)
        let oneStepErrors = forecaster.calibration.errors[0].count
        #expect(oneStepErrors >= 288 - 36, "one-step calibration errors from a day of origins, got \(oneStepErrors)")
    }
}

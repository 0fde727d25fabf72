import Foundation
import Testing

@testable import Forecast

@Suite struct ConfigurationAndRefitTests {
    @Test func refitKeepsTheOriginAndStillForecastsTheSeason() throws {
        var forecaster = try SeasonalForecaster(history: SyntheticSeries.samples(count: 48 * 10, noise: 1))
        for sample in SyntheticSeries.samples(from: 48 * 10, count: 48 * 3, noise: 1) { forecaster.observe(sample) }
        let origin = forecaster.lastObservation
        forecaster.refit()
        #expect(forecaster.lastObservation == origin)
        for (h, point) in forecaster.forecast(horizon: 86_400).enumerated() {
            #expect(abs(point.value - SyntheticSeries.value(at: 48 * 13 + h)) < 3, "h=\(h + 1)")
        }
    }

    @Test func badSettingsAreRejectedWithAReason() {
        let history = SyntheticSeries.samples(count: 200)
        let cases: [(ForecastConfiguration, String)] = [
            (ForecastConfiguration(sameSlotSeasons: 0), "sameSlotSeasons must be at least 1"),
            (ForecastConfiguration(fitSeasons: 0), "fitSeasons must be at least 1"),
            (ForecastConfiguration(maxEvaluations: 0), "maxEvaluations must be at least 1"),
            (
                ForecastConfiguration(season: 2700),
                "the season (2700.0 s) must be a positive multiple of the step (1800.0 s)"
            ),
            (
                ForecastConfiguration(step: 1, season: 86_400),
                "a season of 86400 steps exceeds 20160; aggregate the signal to a coarser step"
            ),
            (ForecastConfiguration(step: -5), "the step must be a positive duration, got -5.0 s"),
        ]
        for (configuration, message) in cases {
            #expect {
                try SeasonalForecaster(history: history, configuration: configuration)
            } throws: { error in
                (error as? ForecastError)?.description == message
            }
        }
    }

    @Test func linearWindowBoundsDecideWhetherTheOldestSampleStays() {
        var closed = LinearTrendForecaster(window: 120, bounds: .closed)
        var leftOpen = LinearTrendForecaster(window: 120, bounds: .leftOpen)
        for k in 0...4 {
            let sample = Sample(time: Date(timeIntervalSince1970: Double(k) * 60), value: Double(k))
            closed.observe(sample)
            leftOpen.observe(sample)
        }
        #expect(closed.windowSamples.map(\.value) == [2, 3, 4])
        #expect(leftOpen.windowSamples.map(\.value) == [3, 4])
    }

    @Test func normalQuantilesMatchTables() {
        // Standard normal table values (e.g. Abramowitz & Stegun 26.2): z(0.975) = 1.959964, z(0.9) = 1.281552.
        #expect(abs(standardNormalQuantile(0.975) - 1.959964) < 1e-6)
        #expect(abs(standardNormalQuantile(0.9) - 1.281552) < 1e-6)
        #expect(abs(standardNormalQuantile(0.5)) < 1e-12)
        #expect(abs(standardNormalQuantile(0.01) + 2.326348) < 1e-6)
    }
}

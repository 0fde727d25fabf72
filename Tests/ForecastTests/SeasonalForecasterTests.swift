import Foundation
import Testing

@testable import Forecast

@Suite struct SeasonalForecasterTests {
    @Test func detectsADailySeasonAndRecoversAPureSine() throws {
        let history = SyntheticSeries.samples(count: 48 * 21)
        let forecaster = try SeasonalForecaster(history: history)
        #expect(forecaster.step == 1800)
        #expect(forecaster.seasonLength == 48)
        let points = forecaster.forecast(horizon: 86_400)
        #expect(points.count == 48)
        for (h, point) in points.enumerated() {
            let truth = SyntheticSeries.value(at: 48 * 21 + h)
            #expect(abs(point.value - truth) < 0.05, "h=\(h + 1): \(point.value) vs \(truth)")
            #expect(point.lower <= point.value && point.value <= point.upper)
        }
    }

    @Test func noiseHasNoSeason() {
        var generator = SplitMix(seed: 7)
        let noise = (0..<2000).map { _ in Double(generator.next() % 1000) }
        #expect(SeasonDetector.detect(in: noise, candidates: [48, 336]) == 1)
        let sine = (0..<2000).map { SyntheticSeries.value(at: $0) }
        #expect(SeasonDetector.detect(in: sine, candidates: [48, 336]) == 48)
    }

    @Test func onlineUpdatesAfterTheFitEqualTheRecursionOverEverything() throws {
        let configuration = ForecastConfiguration(season: 86_400, fitSeasons: 40, clipLimit: nil)
        let all = SyntheticSeries.samples(count: 48 * 20, noise: 3)
        var forecaster = try SeasonalForecaster(history: Array(all.prefix(48 * 14)), configuration: configuration)
        for sample in all.dropFirst(48 * 14) {
            let accepted = forecaster.observe(sample)
            #expect(accepted)
        }
        let values = all.map(\.value)
        var recursion = HoltWinters.initial(
            from: values.prefix(48 * 14), seasonLength: 48, parameters: forecaster.model.parameters)
        for value in values { recursion.update(with: value) }
        #expect(abs(recursion.level - forecaster.model.level) < 1e-9)
        #expect(abs(recursion.trend - forecaster.model.trend) < 1e-9)
        for (a, b) in zip(recursion.seasonsOldestFirst, forecaster.model.seasonsOldestFirst) {
            #expect(abs(a - b) < 1e-9)
        }
    }

    @Test func gapsJitterAndDuplicatesDoNotBreakTheModel() throws {
        var history = SyntheticSeries.samples(count: 48 * 14)
        history.removeSubrange(300..<340)  // a 20-hour gap
        var generator = SplitMix(seed: 3)
        history = history.map {
            Sample(time: $0.time.addingTimeInterval(Double(generator.next() % 401) - 200), value: $0.value)
        }
        var forecaster = try SeasonalForecaster(history: history)
        #expect(forecaster.step == 1800)
        let last = try #require(history.last)
        let duplicate = forecaster.observe(last)
        #expect(!duplicate, "a duplicate step is ignored")
        let notANumber = forecaster.observe(Sample(time: last.time.addingTimeInterval(3600), value: .nan))
        #expect(!notANumber)
        // A three-day outage, then a sample: the model skips ahead in O(1) and keeps its season.
        let k = 48 * 17
        let resumedAt = SyntheticSeries.start.addingTimeInterval(Double(k) * 1800)
        let resumed = forecaster.observe(Sample(time: resumedAt, value: SyntheticSeries.value(at: k)))
        #expect(resumed)
        for (h, point) in forecaster.forecast(horizon: 43_200).enumerated() {
            #expect(point.value.isFinite)
            #expect(abs(point.value - SyntheticSeries.value(at: k + h + 1)) < 2, "h=\(h + 1)")
        }
    }

    @Test func eventSamplesDoNotMoveTheState() throws {
        let history = SyntheticSeries.samples(count: 48 * 14)
        let day = DateInterval(start: SyntheticSeries.start.addingTimeInterval(48 * 14 * 1800), duration: 86_400)
        var withEvent = try SeasonalForecaster(
            history: history, configuration: ForecastConfiguration(events: [day]))
        var withoutSamples = withEvent
        for sample in SyntheticSeries.samples(from: 48 * 14, count: 48) {
            withEvent.observe(Sample(time: sample.time, value: sample.value * 5))
        }
        let after = SyntheticSeries.samples(from: 48 * 15, count: 1)[0]
        withEvent.observe(after)
        withoutSamples.observe(after)
        #expect(abs(withEvent.model.level - withoutSamples.model.level) < 1e-9)
        #expect(abs(withEvent.model.trend - withoutSamples.model.trend) < 1e-9)
        #expect(withEvent.model.seasonsOldestFirst == withoutSamples.model.seasonsOldestFirst)
        let a = withEvent.forecast(horizon: 7200)
        let b = withoutSamples.forecast(horizon: 7200)
        for (x, y) in zip(a, b) { #expect(abs(x.value - y.value) < 1e-9 && abs(x.upper - y.upper) < 1e-9) }
    }

    @Test func upliftScalesTheEventWindowOnly() throws {
        let forecaster = try SeasonalForecaster(history: SyntheticSeries.samples(count: 48 * 14))
        let origin = forecaster.lastObservation
        let window = DateInterval(start: origin.addingTimeInterval(3 * 1800), duration: 2 * 1800)
        let plain = forecaster.forecast(horizon: 6 * 1800)
        let lifted = forecaster.forecast(horizon: 6 * 1800, uplifts: [EventUplift(interval: window, factor: 3)])
        for (p, l) in zip(plain, lifted) {
            let expected = window.contains(p.time) ? 3.0 : 1.0
            #expect(abs(l.value - expected * p.value) < 1e-9)
            #expect(abs(l.upper - expected * p.upper) < 1e-9)
        }
        #expect(zip(plain, lifted).filter { $0.0.value != $0.1.value }.count == 3)
    }
}

import Foundation
import Testing

@testable import Forecast

/// The shape of `holt_winters_additive.json`.
struct HoltWintersFixture: Decodable {
    struct Parameters: Decodable {
        let alpha, beta, gamma, l0, b0: Double
        let s0: [Double]
    }
    struct Final: Decodable {
        let level, trend: Double
        let seasonsOldestFirst: [Double]
    }
    let y: [Double]
    let params: Parameters
    let fittedOneStep: [Double]
    let final: Final
    let forecastTextbookH19: [Double]
    let forecastStatsmodelsH19: [Double]
}

@Suite struct HoltWintersKnownAnswerTests {
    let fixture: HoltWintersFixture
    let model: HoltWinters

    init() throws {
        fixture = try loadFixture("holt_winters_additive", as: HoltWintersFixture.self)
        let p = fixture.params
        model = HoltWinters(
            parameters: HoltWintersParameters(alpha: p.alpha, beta: p.beta, gamma: p.gamma),
            level: p.l0, trend: p.b0, seasons: p.s0)
    }

    @Test func oneStepFittedValuesMatchTheReferenceRecursion() {
        var model = model
        var fitted: [Double] = []
        for value in fixture.y {
            fitted.append(model.oneStepForecast)
            model.update(with: value)
        }
        #expect(fitted.count == fixture.fittedOneStep.count)
        for (ours, reference) in zip(fitted, fixture.fittedOneStep) {
            #expect(abs(ours - reference) < 1e-9, "fitted \(ours) vs \(reference)")
        }
    }

    @Test func finalStateMatches() {
        var model = model
        for value in fixture.y { model.update(with: value) }
        #expect(abs(model.level - fixture.final.level) < 1e-9)
        #expect(abs(model.trend - fixture.final.trend) < 1e-9)
        for (ours, reference) in zip(model.seasonsOldestFirst, fixture.final.seasonsOldestFirst) {
            #expect(abs(ours - reference) < 1e-9)
        }
    }

    @Test func forecastsAreTheTextbookOnesIncludingWholeSeasonHorizons() {
        var model = model
        for value in fixture.y { model.update(with: value) }
        let forecasts = (1...9).map { model.forecast(steps: $0) }
        for (h, reference) in fixture.forecastTextbookH19.enumerated() {
            #expect(abs(forecasts[h] - reference) < 1e-9, "h=\(h + 1)")
        }
        // statsmodels' own forecast differs at whole seasons (h = 4, 8); ours must not follow it there.
        #expect(abs(forecasts[3] - fixture.forecastStatsmodelsH19[3]) > 0.1)
    }

    @Test func skippingStepsEqualsFeedingTheForecasts() {
        var skipped = model
        var damped = model
        damped.parameters.phi = 0.9
        skipped.parameters.phi = 0.9
        for value in fixture.y.prefix(10) {
            skipped.update(with: value)
            damped.update(with: value)
        }
        skipped.skip(steps: 7)
        for _ in 0..<7 { damped.update(with: damped.oneStepForecast) }
        #expect(abs(skipped.level - damped.level) < 1e-9)
        #expect(abs(skipped.trend - damped.trend) < 1e-9)
        for (a, b) in zip(skipped.seasonsOldestFirst, damped.seasonsOldestFirst) { #expect(abs(a - b) < 1e-9) }
    }
}

import Forecast
import Foundation
import Testing

@testable import Engine

/// The engine scans one forecast path per signal and tick; it must answer exactly as `timeToCross`.
@Suite struct ForecastPathTests {
    @Test(arguments: [0.5, 0.8, 0.95])
    func scanningThePathEqualsTimeToCross(confidence: Double) throws {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var history: [Forecast.Sample] = []
        for i in 0..<(10 * 96) {
            let phase = Double(i) * 2 * Double.pi / 96
            let noise = Double((i * 7919) % 13) - 6
            history.append(
                Forecast.Sample(time: start.addingTimeInterval(Double(i) * 900), value: 100 + 30 * sin(phase) + noise))
        }
        let forecaster = try SeasonalForecaster(history: history, configuration: ForecastConfiguration(season: 86_400))
        let path = forecaster.crossingPath(within: 6 * 3600, confidence: confidence)
        var answers = 0
        for threshold in stride(from: 60.0, through: 150, by: 5) {
            for within: TimeInterval in [3600, 7200, 21_600] {
                for direction in [CrossingDirection.above, .below] {
                    let expected = forecaster.timeToCross(
                        threshold: threshold, direction: direction, confidence: confidence, within: within)
                    let scanned = ForecastPath.firstCrossing(
                        in: path, threshold: threshold, direction: direction, within: within)
                    #expect(scanned == expected, "threshold \(threshold) within \(within) \(direction)")
                    if expected != nil { answers += 1 }
                }
            }
        }
        #expect(answers > 10)  // the comparison saw real crossings, not only nils
    }
}

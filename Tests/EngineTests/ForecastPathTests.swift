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
                    let searched = ForecastPathIndex(path).firstCrossing(
                        threshold: threshold, direction: direction, within: within)
                    #expect(searched == expected, "indexed: threshold \(threshold) within \(within) \(direction)")
                    if expected != nil { answers += 1 }
                }
            }
        }
        #expect(answers > 10)  // the comparison saw real crossings, not only nils
    }

    @Test func theIndexAnswersAsTheScanOnRandomPathsWithGaps() {
        var generator = SystemRandomNumberGenerator()
        let origin = Date(timeIntervalSince1970: 1_700_000_000)
        for _ in 0..<200 {
            let points = (0..<Int.random(in: 0...40, using: &generator)).map { step in
                let value = Double.random(in: 0...100, using: &generator)
                let spread = Double.random(in: 0...20, using: &generator)
                let missing = Int.random(in: 0..<10, using: &generator) == 0
                return ForecastPoint(
                    time: origin.addingTimeInterval(Double(step + 1) * 300), value: value,
                    lower: missing ? .nan : value - spread, upper: missing ? .nan : value + spread)
            }
            let index = ForecastPathIndex((origin, points))
            for threshold in stride(from: -10.0, through: 130, by: 7) {
                for direction in [CrossingDirection.above, .below] {
                    let within = Double.random(in: 0...14_000, using: &generator)
                    #expect(
                        index.firstCrossing(threshold: threshold, direction: direction, within: within)
                            == ForecastPath.firstCrossing(
                                in: (origin, points), threshold: threshold, direction: direction, within: within))
                }
            }
        }
    }
}

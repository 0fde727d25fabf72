// Cost of the online update and memory per signal: a one-minute signal with a weekly season,
// trained on four weeks of history. Run a release build: Benchmarks/forecast/run.sh does.
import Forecast
import Foundation

/// A one-minute load curve: weekly and daily shape plus deterministic noise.
func load(atMinute k: Int) -> Double {
    let day = sin(2 * Double.pi * Double(k % 1440) / 1440)
    let week = (k / 1440) % 7 >= 5 ? -30.0 : 0.0
    let noise = Double((k &* 2_654_435_761) % 1000) / 100 - 5
    return 200 + 60 * day + week + noise
}

func sample(_ k: Int) -> Sample {
    Sample(time: Date(timeIntervalSince1970: 1_700_000_000 + Double(k) * 60), value: load(atMinute: k))
}

func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
        let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
    else { return 0 }
    return pages * 4096
}

let history = (0..<(4 * 10_080)).map(sample)
let configuration = ForecastConfiguration(season: 7 * 86_400, fitSeasons: 4)
let rssBefore = residentBytes()
var clock = ContinuousClock.now
var forecaster = try SeasonalForecaster(history: history, configuration: configuration)
let fitDuration = ContinuousClock.now - clock
let rssAfter = residentBytes()

let updates = 2_000_000
let future = (history.count..<(history.count + updates)).map(sample)
clock = ContinuousClock.now
for s in future { forecaster.observe(s) }
let updateDuration = ContinuousClock.now - clock

var model = forecaster.model
clock = ContinuousClock.now
var sink = 0.0
for s in future { sink += model.update(with: s.value) }
let recursionDuration = ContinuousClock.now - clock

clock = ContinuousClock.now
var crossings = 0
for _ in 0..<1000 {
    let crossing = forecaster.timeToCross(threshold: 255, direction: .above, confidence: 0.8, within: 7200)
    if crossing != nil { crossings += 1 }
}
let crossDuration = ContinuousClock.now - clock

func nanoseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1e9 + Double(d.components.attoseconds) / 1e9
}
print("signal: one-minute step, weekly season (10080 steps), 4 weeks of history, fitSeasons 4")
let evaluations = configuration.maxEvaluations
print("fit (4 weeks, \(evaluations) evaluations max): \(Int(nanoseconds(fitDuration) / 1e6)) ms")
let perUpdate = nanoseconds(updateDuration) / Double(updates)
print(String(format: "observe(): %.1f ns per sample (%d samples)", perUpdate, updates))
let perRecursion = nanoseconds(recursionDuration) / Double(updates)
print(String(format: "Holt-Winters recursion alone: %.1f ns per sample", perRecursion))
print(String(format: "timeToCross(within: 2h): %.1f µs per call", nanoseconds(crossDuration) / 1000 / 1000))
let grown = (rssAfter - rssBefore) / 1024
let held = forecaster.memoryFootprint / 1024
print("memory per signal: \(held) KiB held (history ring of 4 weeks, seasons, calibration)")
print("RSS grew \(grown) KiB while training (includes the transient history array and fit buffers)")
if sink.isNaN || crossings < 0 { print("") }

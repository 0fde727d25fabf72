import Foundation
import Testing

@testable import Forecast

@Suite struct ReplayTests {
    let samples = SyntheticSeries.samples(count: 48 * 16, noise: 2)
    var trainUntil: Date { samples[48 * 14 - 1].time }

    @Test func followsTheProtocol() throws {
        let rows = try Replay.run(samples: samples, trainUntil: trainUntil, horizon: 7200, every: 5400)
        let origins = Array(Set(rows.map(\.origin))).sorted()
        #expect(origins.first == trainUntil)
        for (a, b) in zip(origins, origins.dropFirst()) { #expect(b.timeIntervalSince(a) == 5400) }
        for origin in origins {
            let targets = rows.filter { $0.origin == origin }.map(\.target)
            let expected = samples.map(\.time).filter { $0 > origin && $0 <= origin.addingTimeInterval(7200) }
            #expect(targets == expected)
        }
        #expect(rows.allSatisfy { $0.lower <= $0.forecast && $0.forecast <= $0.upper })
    }

    @Test func isCausal() throws {
        let rows = try Replay.run(samples: samples, trainUntil: trainUntil, horizon: 7200, every: 1800)
        var altered = samples
        let cut = 48 * 15
        for k in cut..<altered.count { altered[k].value *= 10 }
        let alteredRows = try Replay.run(samples: altered, trainUntil: trainUntil, horizon: 7200, every: 1800)
        let before = rows.filter { $0.origin < samples[cut].time }
        #expect(!before.isEmpty)
        #expect(Array(alteredRows.prefix(before.count)) == before)
        #expect(alteredRows.count == rows.count)
        #expect(alteredRows[before.count] != rows[before.count])
    }

    @Test func originIsTheLastSampleSeenAcrossAGap() throws {
        var gappy = samples
        gappy.removeSubrange((48 * 14 + 2)..<(48 * 14 + 10))  // a 4-hour hole after training
        let rows = try Replay.run(samples: gappy, trainUntil: trainUntil, horizon: 18_000, every: 1800)
        let origins = Array(Set(rows.map(\.origin))).sorted()
        let pairs = rows.map { "\($0.origin.timeIntervalSince1970)>\($0.target.timeIntervalSince1970)" }
        #expect(pairs.count == Set(pairs).count, "an origin repeated during the hole would repeat its rows")
        #expect(origins.contains(gappy[48 * 14 + 1].time))
        #expect(origins.allSatisfy { origin in gappy.contains { $0.time == origin } })
        let afterHole = origins.first { $0 > gappy[48 * 14 + 1].time }
        #expect(afterHole == gappy[48 * 14 + 2].time)
    }

    @Test func rejectsNonPositiveDurations() {
        #expect(throws: ReplayError.self) {
            try Replay.run(samples: samples, trainUntil: trainUntil, horizon: 0, every: 1800)
        }
        #expect(throws: ForecastError.self) {
            try Replay.run(samples: samples, trainUntil: samples[0].time, horizon: 3600, every: 1800)
        }
    }
}

import Foundation

@testable import Forecast

/// Synthetic traces for property tests: a daily sine on a half-hourly grid, optionally with noise.
enum SyntheticSeries {
    static let step: TimeInterval = 1800
    static let start = Date(timeIntervalSince1970: 1_400_000_400)

    /// The noise-free value at step `k`: level 100, daily sine of amplitude 20.
    static func value(at k: Int) -> Double {
        100 + 20 * sin(2 * Double.pi * Double(k) / 48)
    }

    /// `count` samples from step `from`, with a deterministic pseudo-random noise of size `noise`.
    static func samples(from first: Int = 0, count: Int, noise: Double = 0) -> [Sample] {
        var generator = SplitMix(seed: 42)
        return (first..<(first + count)).map { k in
            let jitter = noise * (Double(generator.next() % 2001) / 1000 - 1)
            return Sample(time: start.addingTimeInterval(Double(k) * step), value: value(at: k) + jitter)
        }
    }
}

/// A tiny deterministic generator (SplitMix64) so tests are repeatable.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

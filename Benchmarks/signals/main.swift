// Benchmarks of the Signals history: cost of one append, of a window read, and memory per signal
// holding four weeks of one-minute samples (40320). Run: swift run -c release --scratch-path .build-release signals-bench
import Foundation
import Signals

#if canImport(Glibc)
    import Glibc
#endif

/// Resident memory of this process in bytes (from /proc/self/statm).
func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let pages = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

let capacity = 40_320
let start = Date(timeIntervalSince1970: 1_800_000_000)

// 1. Append cost on a full ring (the steady state of a daemon).
var ring = SampleRing(capacity: capacity)
for index in 0..<capacity {
    ring.append(Sample(time: start.addingTimeInterval(Double(index) * 60), value: .number(Double(index))))
}
let appends = 5_000_000
let clock = ContinuousClock()
var checksum = 0.0
let appendTime = clock.measure {
    for index in 0..<appends {
        ring.append(
            Sample(time: start.addingTimeInterval(Double(capacity + index) * 60), value: .number(Double(index & 1023))))
    }
    checksum += ring.last?.value.number ?? 0
}
let nsPerAppend =
    Double(appendTime.components.attoseconds) / 1e9 / Double(appends)
    + Double(appendTime.components.seconds) * 1e9 / Double(appends)

// 2. Reading the last day of a full ring (1440 samples), as a forecast refit would.
let reads = 2_000
let lastDay = ring.last!.time.addingTimeInterval(-86_400)
let readTime = clock.measure {
    for _ in 0..<reads { checksum += Double(ring.samples(since: lastDay).count) }
}
let usPerRead =
    (Double(readTime.components.seconds) * 1e6 + Double(readTime.components.attoseconds) / 1e12) / Double(reads)

// 3. Memory per signal: 200 full rings, resident memory before and after.
let signals = 200
let before = residentBytes()
var rings: [SampleRing] = []
for signal in 0..<signals {
    var full = SampleRing(capacity: capacity)
    for index in 0..<capacity {
        full.append(Sample(time: start.addingTimeInterval(Double(index) * 60), value: .number(Double(signal + index))))
    }
    rings.append(full)
}
let after = residentBytes()
checksum += Double(rings.count)

print("signals-bench (checksum \(Int(checksum)))")
print(String(format: "append to a full ring of %d samples: %.1f ns per sample", capacity, nsPerAppend))
print(String(format: "read the last day (1440 samples) of a full ring: %.1f µs", usPerRead))
print("stride of one sample: \(MemoryLayout<Sample>.stride) bytes")
print(
    String(
        format:
            "memory per signal with 4 weeks of 1-minute history: %.0f KiB (resident, %d signals), %.0f KiB computed",
        Double(after - before) / Double(signals) / 1024, signals,
        Double(capacity * MemoryLayout<Sample>.stride) / 1024))

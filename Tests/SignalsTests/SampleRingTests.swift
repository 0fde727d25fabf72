import Foundation
import Testing

@testable import Signals

/// The bounded history.
struct SampleRingTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    private func samples(_ values: ClosedRange<Int>) -> [Sample] {
        values.map { Sample(time: start.addingTimeInterval(Double($0) * 60), value: .number(Double($0))) }
    }

    @Test func keepsTheNewestSamplesInOrder() {
        var ring = SampleRing(capacity: 4)
        for sample in samples(1...10) { ring.append(sample) }
        #expect(ring.count == 4)
        #expect(ring.samples.map(\.value) == [7.0, 8, 9, 10].map { .number($0) })
        #expect(ring.last?.value == .number(10))
    }

    @Test func findsSamplesSinceAnInstantAcrossTheWrap() {
        var ring = SampleRing(capacity: 5)
        for sample in samples(1...8) { ring.append(sample) }
        let since = ring.samples(since: start.addingTimeInterval(6 * 60))
        #expect(since.map(\.value) == [6.0, 7, 8].map { .number($0) })
        #expect(ring.samples(since: start).count == 5)
        #expect(ring.samples(since: start.addingTimeInterval(9 * 60)).isEmpty)
    }

    @Test func storeHonoursCapacityPerSignal() async throws {
        let store: any SignalHistoryStore = InMemorySignalHistoryStore(defaultCapacity: 100)
        try await store.setCapacity(3, for: "a")
        for sample in samples(1...5) {
            try await store.append(sample, to: "a")
            try await store.append(sample, to: "b")
        }
        #expect(try await store.samples(of: "a", since: nil).count == 3)
        #expect(try await store.samples(of: "b", since: nil).count == 5)
        #expect(try await store.latest(of: "a")?.value == .number(5))
        #expect(try await store.samples(of: "missing", since: nil).isEmpty)
    }
}

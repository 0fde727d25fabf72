import Foundation

/// A fixed-capacity ring of samples in time order; appending to a full ring drops the oldest sample.
public struct SampleRing: Sendable, Hashable {
    /// The most samples the ring holds.
    public let capacity: Int
    private var storage: [Sample] = []
    private var head = 0  // index of the oldest sample once the ring is full

    /// Creates an empty ring; `capacity` is at least 1.
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
        storage.reserveCapacity(min(self.capacity, 4096))
    }

    /// How many samples the ring holds now.
    public var count: Int { storage.count }

    /// The newest sample.
    public var last: Sample? {
        guard !storage.isEmpty else { return nil }
        return storage[(head + storage.count - 1) % storage.count]
    }

    /// Appends `sample`; when full, overwrites the oldest.
    public mutating func append(_ sample: Sample) {
        if storage.count < capacity {
            storage.append(sample)
        } else {
            storage[head] = sample
            head = (head + 1) % capacity
        }
    }

    /// All samples, oldest first.
    public var samples: [Sample] {
        Array(storage[head...] + storage[..<head])
    }

    /// The samples at or after `start`, oldest first (binary search: the ring is in time order).
    public func samples(since start: Date) -> [Sample] {
        var low = 0
        var high = storage.count
        while low < high {
            let middle = (low + high) / 2
            if storage[(head + middle) % storage.count].time < start { low = middle + 1 } else { high = middle }
        }
        return (low..<storage.count).map { storage[(head + $0) % storage.count] }
    }
}

/// A fixed-capacity ring of the latest values on the step grid (NaN marks a missing step). O(1) append.
struct ValueRing: Sendable, Equatable {
    private var storage: [Double]
    private var end = 0
    /// How many values have been appended, capped at the capacity.
    private(set) var count = 0

    /// Creates an empty ring holding up to `capacity` values.
    init(capacity: Int) {
        storage = [Double](repeating: .nan, count: max(1, capacity))
    }

    /// The most values the ring keeps.
    var capacity: Int { storage.count }

    /// Appends a value, dropping the oldest when full.
    mutating func append(_ value: Double) {
        storage[end] = value
        end = end + 1 == storage.count ? 0 : end + 1
        count = min(count + 1, storage.count)
    }

    /// The value `stepsAgo` steps before the latest (0 is the latest); NaN when not kept.
    func value(stepsAgo: Int) -> Double {
        guard stepsAgo >= 0, stepsAgo < count else { return .nan }
        var index = end - 1 - stepsAgo
        if index < 0 { index += storage.count }
        return storage[index]
    }

    /// The kept values, oldest first.
    var values: [Double] { (0..<count).reversed().map { value(stepsAgo: $0) } }
}

/// Mean of the same slot over the last `seasons` seasons before a target `h` steps after the latest value.
///
/// Seasons whose slot lies in the future of the latest value are skipped, so a target more than a season
/// ahead uses the seasons before it that are known; missing (NaN) slots are left out of the mean.
func sameSlotMean(in ring: ValueRing, stepsAhead h: Int, seasonLength m: Int, seasons: Int) -> Double {
    let first = (h + m - 1) / m
    var sum = 0.0
    var used = 0
    for j in first..<(first + seasons) {
        let value = ring.value(stepsAgo: j * m - h)
        if !value.isNaN {
            sum += value
            used += 1
        }
    }
    return used == 0 ? .nan : sum / Double(used)
}

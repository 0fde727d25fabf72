import Foundation

/// The median spacing of `samples`, snapped to the nearest common step (1 s … 1 d) when within 5 %.
func inferredStep(of samples: [Sample]) -> TimeInterval {
    let median = medianSpacing(of: samples)
    let common: [TimeInterval] = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 86_400]
    let nearest = common.min { abs($0 - median) < abs($1 - median) } ?? median
    return abs(nearest - median) <= 0.05 * nearest ? nearest : median
}

/// The median spacing between consecutive distinct sample times.
func medianSpacing(of samples: [Sample]) -> TimeInterval {
    var gaps: [TimeInterval] = []
    for (earlier, later) in zip(samples, samples.dropFirst()) {
        let gap = later.time.timeIntervalSince(earlier.time)
        if gap > 0 { gaps.append(gap) }
    }
    guard !gaps.isEmpty else { return 0 }
    return gaps.sorted()[gaps.count / 2]
}

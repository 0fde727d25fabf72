import Foundation
import Testing

@testable import Signals

/// The pure schedule: interval, jitter band, exponential backoff with a cap.
struct PollScheduleTests {
    let schedule = PollSchedule(interval: .seconds(30), jitter: 0.1, maxBackoff: .seconds(300))
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func successKeepsTheIntervalInsideTheJitterBand() {
        #expect(schedule.delay(afterFailures: 0, jitterUnit: 0) == .seconds(30))
        #expect(schedule.delay(afterFailures: 0, jitterUnit: 1) == .seconds(33))
        #expect(schedule.delay(afterFailures: 0, jitterUnit: -1) == .seconds(27))
        #expect(schedule.delay(afterFailures: 0, jitterUnit: 7) == .seconds(33), "units beyond 1 are clamped")
    }

    @Test func failuresDoubleTheDelayUpToTheCap() {
        let delays = (0...6).map { schedule.delay(afterFailures: $0, jitterUnit: 0) }
        #expect(
            delays == [
                .seconds(30), .seconds(60), .seconds(120), .seconds(240), .seconds(300), .seconds(300), .seconds(300),
            ])
        #expect(schedule.delay(afterFailures: 10_000, jitterUnit: 0) == .seconds(300))
    }

    @Test func nextPollCountsFromTheStartOfThePreviousPoll() {
        let end = start.addingTimeInterval(2)
        #expect(
            schedule.nextPoll(afterPollStartedAt: start, endedAt: end, failures: 0, jitterUnit: 0)
                == start.addingTimeInterval(30))
    }

    @Test func aPollLongerThanTheDelayIsFollowedAtOnce() {
        let end = start.addingTimeInterval(45)
        #expect(schedule.nextPoll(afterPollStartedAt: start, endedAt: end, failures: 0, jitterUnit: 0) == end)
    }

    @Test func theFirstPollIsSpreadOverTheJitterBand() {
        #expect(schedule.firstPoll(from: start, jitterUnit: 0) == start)
        #expect(schedule.firstPoll(from: start, jitterUnit: 1) == start.addingTimeInterval(3))
        #expect(schedule.firstPoll(from: start, jitterUnit: 0.5) == start.addingTimeInterval(1.5))
    }

    @Test func theCapIsNeverBelowTheInterval() {
        let odd = PollSchedule(interval: .seconds(60), jitter: 0, maxBackoff: .seconds(10))
        #expect(odd.delay(afterFailures: 3, jitterUnit: 0) == .seconds(60))
    }
}

import Foundation
import Testing

@testable import Signals

/// Health and staleness decided from recorded outcomes (pure).
struct SignalStatusTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    private func sample(_ value: Double, at offset: TimeInterval) -> PollOutcome {
        .accepted(Sample(time: start.addingTimeInterval(offset), value: .number(value)))
    }

    @Test func isUnhealthyUntilTheFirstSampleThenStale() {
        let status = SignalStatus(registeredAt: start, staleAfter: .seconds(180))
        #expect(status.health(at: start.addingTimeInterval(10)) == .unhealthy(reason: .noSampleYet))
        #expect(status.health(at: start.addingTimeInterval(180)) == .stale(since: start.addingTimeInterval(180)))
    }

    @Test func goodSamplesAreHealthyUntilStale() {
        var status = SignalStatus(registeredAt: start, staleAfter: .seconds(180))
        status.record(sample(5, at: 60))
        #expect(status.health(at: start.addingTimeInterval(61)) == .healthy)
        #expect(status.health(at: start.addingTimeInterval(239)) == .healthy)
        #expect(status.health(at: start.addingTimeInterval(240)) == .stale(since: start.addingTimeInterval(240)))
        #expect(!status.health(at: start.addingTimeInterval(240)).allowsWarnings)
    }

    @Test func aBadSampleMakesItUnhealthyAndAGoodOneHealsIt() {
        var status = SignalStatus(registeredAt: start, staleAfter: .seconds(180))
        status.record(sample(5, at: 0))
        let bad = BadSample(.notANumber, "the value is NaN")
        status.record(.rejected(bad))
        let health = status.health(at: start.addingTimeInterval(30))
        #expect(health == .unhealthy(reason: .badSample(bad)))
        #expect(!health.allowsWarnings)
        status.record(sample(6, at: 60))
        #expect(status.health(at: start.addingTimeInterval(61)) == .healthy)
    }

    @Test func staleOutranksUnhealthy() {
        var status = SignalStatus(registeredAt: start, staleAfter: .seconds(90))
        status.record(sample(5, at: 0))
        status.record(.failed(SignalReadError(.timeout, "slow")))
        #expect(
            status.health(at: start.addingTimeInterval(89))
                == .unhealthy(reason: .readFailed(SignalReadError(.timeout, "slow"))))
        #expect(status.health(at: start.addingTimeInterval(95)) == .stale(since: start.addingTimeInterval(90)))
    }

    @Test func reportsOneChangePerStreakAndCountsEveryReason() {
        var status = SignalStatus(registeredAt: start, staleAfter: .seconds(180))
        let nan = PollOutcome.rejected(BadSample(.notANumber, "NaN"))
        let html = PollOutcome.rejected(BadSample(.htmlPage, "page"))
        let changes = [nan, nan, nan, html, html, sample(1, at: 5), sample(2, at: 6), nan].map { status.record($0) }
        #expect(
            changes == [
                .problemStarted(.badSample(BadSample(.notANumber, "NaN"))), nil, nil,
                .problemStarted(.badSample(BadSample(.htmlPage, "page"))), nil,
                .recovered(afterProblems: 5), nil,
                .problemStarted(.badSample(BadSample(.notANumber, "NaN"))),
            ])
        #expect(status.counters.rejected == [.notANumber: 4, .htmlPage: 2])
        #expect(status.counters.accepted == 2)
        #expect(status.consecutiveProblems == 1)
    }

    @Test func anOlderTimestampDoesNotMoveTheLastGoodSampleBack() {
        var status = SignalStatus(registeredAt: start, staleAfter: .seconds(180))
        status.record(sample(1, at: 100))
        status.record(sample(2, at: 50))
        #expect(status.lastGood?.value == .number(1))
    }
}

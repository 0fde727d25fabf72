import Foundation
import HTTPTransport
import Testing

@testable import Delivery

@Suite struct RetryPolicyTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func decide(_ outcome: AttemptOutcome, attempt: Int = 1, random: Double = 0.5) -> RetryDecision {
        RetryPolicy.decide(outcome: outcome, attempt: attempt, schedule: .svix, now: now, randomUnit: random)
    }

    @Test func twoHundredsAreDelivered() {
        #expect(decide(.response(status: 200, retryAfter: nil)) == .delivered)
        #expect(decide(.response(status: 202, retryAfter: nil)) == .delivered)
    }

    @Test(arguments: [301, 302, 400, 401, 403, 404, 422])
    func redirectsAndClientErrorsArePermanent(status: Int) {
        guard case .fail(let reason) = decide(.response(status: status, retryAfter: nil)) else {
            Issue.record("expected a permanent failure for \(status)")
            return
        }
        #expect(reason.contains("\(status)"))
    }

    @Test func goneDisablesTheReceiver() {
        guard case .disableReceiver = decide(.response(status: 410, retryAfter: nil)) else {
            Issue.record("410 must disable the receiver")
            return
        }
    }

    @Test func serverErrorsFollowTheJitteredSchedule() {
        for (random, expected) in [(0.0, 4.5), (0.5, 5.0), (1.0, 5.5)] {
            guard case .retry(let at, _) = decide(.response(status: 500, retryAfter: nil), random: random) else {
                Issue.record("500 must retry")
                continue
            }
            #expect(abs(at.timeIntervalSince(now) - expected) < 0.001)
        }
        guard case .retry(let at, _) = decide(.response(status: 503, retryAfter: nil), attempt: 3) else {
            Issue.record("503 must retry")
            return
        }
        #expect(at.timeIntervalSince(now) == 1800)
    }

    @Test func retryAfterInSecondsAndHTTPDateIsHonouredAndCapped() {
        guard case .retry(let seconds, _) = decide(.response(status: 429, retryAfter: "120")) else {
            Issue.record("429 must retry"); return
        }
        #expect(seconds.timeIntervalSince(now) == 120)
        let date = now.addingTimeInterval(600)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        guard case .retry(let dated, _) = decide(.response(status: 503, retryAfter: formatter.string(from: date)))
        else { Issue.record("503 must retry"); return }
        #expect(dated == date)
        guard case .retry(let capped, _) = decide(.response(status: 429, retryAfter: "999999")) else {
            Issue.record("429 must retry"); return
        }
        #expect(capped.timeIntervalSince(now) == 3600)
        guard case .retry(let invalid, _) = decide(.response(status: 429, retryAfter: "soon")) else {
            Issue.record("429 must retry"); return
        }
        #expect(invalid.timeIntervalSince(now) == 5)
    }

    @Test func transportFailuresRetryExceptPermanentOnes() {
        for error in [HTTPTransportError.timedOut(message: "t"), .connectionRefused(message: "r")] {
            guard case .retry = decide(.transportFailure(error)) else { Issue.record("\(error) must retry"); return }
        }
        guard case .fail = decide(.transportFailure(.responseTooLarge(limit: 10))) else {
            Issue.record("too large is permanent"); return
        }
    }

    @Test func exhaustedRetriesAreDead() {
        #expect(RetrySchedule.svix.maximumAttempts == 8)
        guard case .retry = decide(.response(status: 500, retryAfter: nil), attempt: 7) else {
            Issue.record("attempt 7 must still retry"); return
        }
        guard case .dead(let reason) = decide(.response(status: 500, retryAfter: nil), attempt: 8) else {
            Issue.record("attempt 8 must be dead"); return
        }
        #expect(reason.contains("8 attempts"))
    }
}

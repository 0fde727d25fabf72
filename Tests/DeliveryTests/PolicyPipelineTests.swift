import Foundation
import Testing
import Zones

@testable import Delivery

@Suite struct PolicyPipelineTests {
    let newYork = Zone(identifier: "America/New_York")!
    let noon = Date(timeIntervalSince1970: 1_779_638_400)  // 2026-05-24T16:00Z = 12:00 in New York

    func candidate(customer: Bool = true, urgent: Bool = false) -> PolicyCandidate {
        PolicyCandidate(
            recipient: "r1", address: "+15550001", channel: "sms", audience: "customers", timeZone: newYork,
            isCustomer: customer, isUrgent: urgent)
    }

    func facts(consent: Bool? = true, suppressed: String? = nil, duplicate: Bool = false, recent: Int = 0)
        -> PolicyFacts
    {
        PolicyFacts(consent: consent, suppressionReason: suppressed, isDuplicate: duplicate, recentContacts: recent)
    }

    @Test func stagesRunInOrderAndRecordEveryDecision() {
        let (outcome, trail) = PolicyPipeline.evaluate(
            candidate(), facts: facts(), settings: .customerDefault, now: noon)
        #expect(outcome == .enqueue(dueAt: noon, isDeferred: false))
        #expect(trail.map(\.stage) == PolicyStage.allCases)
        #expect(trail.allSatisfy { $0.passed })
    }

    @Test func missingOrWithdrawnConsentSuppresses() {
        for consent in [nil, false] as [Bool?] {
            let (outcome, trail) = PolicyPipeline.evaluate(
                candidate(), facts: facts(consent: consent), settings: .customerDefault, now: noon)
            guard case .suppress(.consent, _) = outcome else { Issue.record("expected a consent stop"); return }
            #expect(trail.count == 1)
        }
        let (staff, _) = PolicyPipeline.evaluate(
            candidate(customer: false), facts: facts(consent: nil), settings: .customerDefault, now: noon)
        #expect(staff == .enqueue(dueAt: noon, isDeferred: false))
    }

    @Test func suppressionDedupeAndCapStopInThatOrder() {
        let (suppressed, _) = PolicyPipeline.evaluate(
            candidate(), facts: facts(suppressed: "opt-out: STOP", duplicate: true, recent: 9),
            settings: .customerDefault, now: noon)
        #expect(suppressed == .suppress(stage: .suppression, reason: "address suppressed: opt-out: STOP"))
        let (duplicate, _) = PolicyPipeline.evaluate(
            candidate(), facts: facts(duplicate: true, recent: 9), settings: .customerDefault, now: noon)
        #expect(duplicate == .duplicate)
        let (capped, trail) = PolicyPipeline.evaluate(
            candidate(), facts: facts(recent: 3), settings: .customerDefault, now: noon)
        guard case .suppress(.frequencyCap, let reason) = capped else { Issue.record("expected the cap"); return }
        #expect(reason.contains("cap 3"))
        #expect(trail.last?.passed == false)
        let (under, _) = PolicyPipeline.evaluate(
            candidate(), facts: facts(recent: 2), settings: .customerDefault, now: noon)
        #expect(under == .enqueue(dueAt: noon, isDeferred: false))
    }

    @Test func quietHoursDeferCustomersButNotUrgentStaff() {
        let night = Date(timeIntervalSince1970: 1_779_674_400)  // 2026-05-25T02:00Z = 22:00 in New York
        let morning = Date(timeIntervalSince1970: 1_779_710_400)  // 2026-05-25T12:00Z = 08:00 in New York
        let (customer, _) = PolicyPipeline.evaluate(
            candidate(), facts: facts(), settings: .customerDefault, now: night)
        #expect(customer == .enqueue(dueAt: morning, isDeferred: true))
        let (urgentCustomer, _) = PolicyPipeline.evaluate(
            candidate(urgent: true), facts: facts(), settings: .customerDefault, now: night)
        #expect(urgentCustomer == .enqueue(dueAt: morning, isDeferred: true))
        let (urgentStaff, trail) = PolicyPipeline.evaluate(
            candidate(customer: false, urgent: true), facts: facts(), settings: .customerDefault, now: night)
        #expect(urgentStaff == .enqueue(dueAt: night, isDeferred: false))
        #expect(trail.first { $0.stage == .quietHours }?.reason.contains("urgent") == true)
    }
}

@Suite struct QuietHoursTests {
    let utc = ISO8601DateFormatter()

    func date(_ text: String) -> Date { utc.date(from: text)! }

    @Test func springForwardEndsAtLocalEightInTheNewOffset() {
        // 2026-03-08 02:00 EST → 03:00 EDT. 01:30 EST (06:30Z) is quiet; 08:00 EDT is 12:00Z.
        let zone = Zone(identifier: "America/New_York")!
        #expect(
            QuietHours.standard.end(containing: date("2026-03-08T06:30:00Z"), in: zone)
                == date("2026-03-08T12:00:00Z"))
    }

    @Test func fallBackEndsAtLocalEightInTheNewOffset() {
        // 2026-11-01 02:00 EDT → 01:00 EST. 01:30 EDT (05:30Z) is quiet; 08:00 EST is 13:00Z.
        let zone = Zone(identifier: "America/New_York")!
        #expect(
            QuietHours.standard.end(containing: date("2026-11-01T05:30:00Z"), in: zone)
                == date("2026-11-01T13:00:00Z"))
    }

    @Test func santiagoEveningDefersToNextMorning() {
        // Chile (UTC-3 in summer): 2026-01-10 23:00 local = 2026-01-11T02:00Z → 08:00 local = 11:00Z.
        let zone = Zone(identifier: "America/Santiago")!
        #expect(
            QuietHours.standard.end(containing: date("2026-01-11T02:00:00Z"), in: zone)
                == date("2026-01-11T11:00:00Z"))
        #expect(QuietHours.standard.end(containing: date("2026-01-11T15:00:00Z"), in: zone) == nil)
    }

    @Test func parsesAndRejectsWindows() throws {
        #expect(try QuietHours(parsing: "22:30-07:15") == QuietHours(start: 1350, end: 435))
        #expect(throws: DeliveryError.self) { try QuietHours(parsing: "25:00-08:00") }
        #expect(throws: DeliveryError.self) { try QuietHours(parsing: "08:00-08:00") }
    }
}

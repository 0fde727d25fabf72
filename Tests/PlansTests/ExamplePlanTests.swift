import Foundation
import Testing

@testable import Plans

/// The example plans in the repository are what the daemon runs on by default: they must stay clean.
@Suite struct ExamplePlanTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let plans = repository.appendingPathComponent("plans")

    @Test func examplePlansCheckWithoutErrors() throws {
        let result = PlanLoader().load(directory: Self.plans.path, displayedAs: "plans")
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors == [], "\(errors.map(\.description).joined(separator: "\n"))")
        let set = try #require(result.planSet)
        #expect(Set(set.plans.map(\.id)) == ["cyberday-overload", "power-outage", "holiday-hours", "checkout-surge"])
    }

    @Test func examplePlansCoverTheThreeContingenciesAndAForecast() throws {
        let set = try #require(PlanLoader().load(directory: Self.plans.path).planSet)
        let plans = Dictionary(uniqueKeysWithValues: set.plans.map { ($0.id, $0) })
        guard case .event(let sale) = plans["cyberday-overload"]?.trigger else {
            Issue.record("cyberday-overload is not an event plan")
            return
        }
        #expect(sale.expectation?.threshold == .above(1200))
        guard case .any(let power) = plans["power-outage"]?.trigger else {
            Issue.record("power-outage is not an 'any' plan")
            return
        }
        #expect(power.count == 2)
        #expect(plans["holiday-hours"]?.hours?.onEvent.isClosed == true)
        guard case .forecast(let surge) = plans["checkout-surge"]?.trigger else {
            Issue.record("checkout-surge is not a forecast plan")
            return
        }
        #expect(surge.within == PlanDuration(seconds: 6 * 3_600) && surge.debounce == PlanDuration(seconds: 900))
        // Every message has both Spanish and English texts.
        for plan in set.plans {
            for action in plan.actions {
                guard let messages = action.messages else { continue }
                #expect(Set(messages.main.keys).isSuperset(of: ["es", "en"]), "\(plan.id) actions[\(action.index)]")
            }
        }
    }

    @Test func audiencesLoadFromCSVWithLocalesAndConsent() throws {
        let set = try #require(PlanLoader().load(directory: Self.plans.path).planSet)
        let customers = try #require(set.audiences["customers"])
        #expect(customers.recipients.count == 6)
        #expect(customers.recipients.filter(\.hasConsent).count == 5)
        #expect(customers.recipients.first { $0.id == "c-0004" }?.timeZone == "Europe/Madrid")
        #expect(customers.recipients.first { $0.id == "c-0003" }?.locale == "en")
        #expect(customers.quietHours == ClockRange("21:00-08:00"))
    }
}

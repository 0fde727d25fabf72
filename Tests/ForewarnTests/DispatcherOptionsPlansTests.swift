import Delivery
import Foundation
import Plans
import Store
import Testing

@testable import forewarn

/// The plan-dependent dispatcher options `forewarn run` builds from the repository's example plans.
@Suite struct DispatcherOptionsPlansTests {
    static func planSet() throws -> PlanSet {
        let directory = CommandRunner.repository.appendingPathComponent("plans").path
        return try #require(PlanLoading.makeLoader().load(directory: directory).planSet)
    }

    @Test func audiencesThatTransliterateAreTheOnesMarkedSo() throws {
        let options = DispatcherOptions(planSet: try Self.planSet())
        // plans/audiences.yaml: `stores` has transliterate: true, `customers` false, staff audiences unset.
        #expect(options.transliteratedAudiences == ["stores"])
    }

    @Test func aDisabledReceiverAlertsEachOwnerOfAPlanUsingItThroughOwnerVia() throws {
        let set = try Self.planSet()
        let since = Date(timeIntervalSince1970: 1_800_000_000)
        let alerts = ReceiverOwnerAlerts.submissions(
            for: DisabledReceiver(name: "sms-gateway", reason: "HTTP 410", since: since), in: set)
        let owners = Set(set.plans.filter { $0.actions.contains { $0.receiver == "sms-gateway" } }.map(\.owner))
        #expect(!owners.isEmpty, "the example plans send through sms-gateway")
        #expect(Set(alerts.map(\.identity.recipient)) == owners)
        for alert in alerts {
            #expect(alert.receiver == "ops-webhook")
            #expect(alert.candidate.isUrgent && !alert.candidate.isCustomer)
            #expect(alert.text.contains("sms-gateway"))
            #expect(alert.text.contains("forewarn receivers enable sms-gateway"))
            #expect(alert.identity.occurrence == "receiver:sms-gateway")
        }
        let viaItself = ReceiverOwnerAlerts.submissions(
            for: DisabledReceiver(name: "ops-webhook", reason: "HTTP 410", since: since), in: set)
        #expect(viaItself.isEmpty, "owner_via cannot carry the alert about itself")
    }
}

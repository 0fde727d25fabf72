import Foundation
import Testing

/// `forewarn simulate` as a process, on the example plans in `plans/`.
@Suite struct SimulateCommandTests {
    @Test func jsonOnTheExamplePlans() throws {
        let outcome = try CommandRunner.run([
            "simulate", "--plans", "plans", "--from", "2026-12-20T00:00:00Z", "--to", "2027-01-03T00:00:00Z",
            "--tick", "5m", "--format", "json",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let plans = try #require(document["plans"] as? [String: Any])
        #expect(Set(plans.keys) == ["checkout-surge", "cyberday-overload", "holiday-hours", "power-outage"])
        let notices = try #require(document["notices"] as? [[String: Any]])
        let christmas = notices.filter { ($0["occurrence"] as? String)?.contains("Navidad") == true }
        // Two days before Christmas (00:00 in Santiago, UTC−3), to each customer, with the event-day hours.
        #expect(!christmas.isEmpty && christmas.allSatisfy { $0["at"] as? String == "2026-12-23T03:00:00Z" })
        #expect(christmas.contains { ($0["text"] as? String)?.contains("estarán cerradas") == true })
        let holiday = try #require(plans["holiday-hours"] as? [String: Any])
        let firing = try #require(holiday["firing"] as? [[Any]])
        #expect(firing.count == 2)  // Navidad and Año Nuevo, each held foreseen until it started
        // No trace for checkout_rps: its owner is alerted, nobody is warned on blind data.
        let alerts = try #require(document["owner_alerts"] as? [[String: Any]])
        #expect(alerts.contains { $0["plan"] as? String == "checkout-surge" })
    }

    @Test func tableAndBadInput() throws {
        let table = try CommandRunner.run([
            "simulate", "--plans", "plans", "--from", "2026-12-06T00:00:00Z", "--to", "2026-12-10T00:00:00Z",
            "--tick", "5m",
        ])
        #expect(table.status == 0)
        #expect(table.standardOutput.hasPrefix("when (UTC)"))
        #expect(table.standardOutput.contains("#0 before-2d → stores via sms-gateway"))
        let unknown = try CommandRunner.run([
            "simulate", "--plans", "plans", "--from", "2026-12-06T00:00:00Z", "--to", "2026-12-10T00:00:00Z",
            "--signal", "nope=x.csv",
        ])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("no such signal"))
        let backwards = try CommandRunner.run([
            "simulate", "--plans", "plans", "--from", "2026-12-10T00:00:00Z", "--to", "2026-12-06T00:00:00Z",
        ])
        #expect(backwards.status == 2)
    }
}

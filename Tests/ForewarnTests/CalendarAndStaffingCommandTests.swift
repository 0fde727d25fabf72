import Foundation
import Testing

/// `forewarn calendar expand` and `forewarn staffing` as processes, on the example plans and known answers.
@Suite struct CalendarAndStaffingCommandTests {
    @Test func expandsAPlanCalendarWithOffsetsAcrossDST() throws {
        let outcome = try CommandRunner.run([
            "calendar", "expand", "--plans", "plans", "--calendar", "sales-days", "--from", "2026-01-01", "--to",
            "2027-01-01",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        // June is winter time in Santiago (-04:00), October and November summer time (-03:00).
        #expect(
            outcome.standardOutput == """
                2026-06-01T00:00:00-04:00,2026-06-04T00:00:00-04:00,CyberDay
                2026-10-05T00:00:00-03:00,2026-10-08T00:00:00-03:00,CyberDay
                2026-11-27T00:00:00-03:00,2026-11-28T00:00:00-03:00,Black Friday

                """)
    }

    @Test func expandsAnICSFileAndRejectsBadUsage() throws {
        let outcome = try CommandRunner.run([
            "calendar", "expand", "--ics", "plans/calendars/utility-cuts.ics", "--timezone", "America/Santiago",
            "--from", "2026-12-01", "--to", "2026-12-31",
        ])
        #expect(outcome.status == 0)
        #expect(
            outcome.standardOutput
                == "2026-12-09T09:00:00-03:00,2026-12-09T13:00:00-03:00,Corte programado - Sector Centro\n")
        #expect(
            try CommandRunner.run(["calendar", "expand", "--from", "2026-01-01", "--to", "2026-02-01"]).status == 2)
        let missing = try CommandRunner.run([
            "calendar", "expand", "--plans", "plans", "--calendar", "nope", "--from", "2026-01-01", "--to",
            "2026-02-01",
        ])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("no calendar 'nope'"))
    }

    @Test func staffingPrintsTheErlangCKnownAnswer() throws {
        let outcome = try CommandRunner.run([
            "staffing", "--volume", "100", "--per", "30m", "--handle-time", "180s", "--target", "80% in 20s",
            "--shrinkage", "30%", "--format", "json",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(report["required_agents"] as? Int == 14)
        #expect(report["scheduled_agents"] as? Int == 20)
        #expect(outcome.standardOutput.contains("0.8883500191794669"))
        #expect(
            try CommandRunner.run([
                "staffing", "--volume", "100", "--per", "30x", "--handle-time", "3m", "--target", "80% in 20s",
            ]).status == 2)
    }
}

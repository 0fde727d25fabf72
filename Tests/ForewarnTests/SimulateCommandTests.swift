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

/// `forewarn simulate` applies the delivery policy stages: quiet hours in the recipient's zone (urgent staff
/// alerts bypass them), the frequency cap per audience, consent.
@Suite struct SimulatePolicyTests {
    static let files = [
        "defs.yaml": """
        receivers:
          sms:
            kind: form
            url: http://127.0.0.1:9/sms
            fields: { to: "{{to}}", text: "{{text}}" }
        audiences:
          customers:
            kind: customers
            timezone: America/Santiago
            quiet_hours: "21:00-08:00"
            frequency_cap: 1 per 7d
            recipients:
              - { id: c1, phone: "+56900000301", locale: es, consent: true }
              - { id: c2, phone: "+56900000302", locale: en, consent: false }
          on-call:
            kind: staff
            timezone: America/Santiago
            recipients:
              - { id: ops-lead, name: Carla, phone: "+56900000201", locale: es }
        calendars:
          night-work:
            timezone: America/Santiago
            events:
              - { summary: Night work, start: 2026-03-10T23:30, end: 2026-03-11T01:00 }
        policies:
          locales: [es, en]
          tick: 5m
          vars: { brand: Tienda }
        """,
        "plan.yaml": """
        plan: night-work
        title: Night work
        owner: ops-lead
        timezone: America/Santiago
        foresee:
          event: { calendar: night-work }
        actions:
          - notify: customers
            via: sms
            before: [3d, 1d]
            message:
              es: "{{brand}}: trabajos el {{onset_date}} a las {{onset_time}}."
              en: "{{brand}}: works on {{onset_date}} at {{onset_time}}."
          - notify: on-call
            via: sms
            before: [1d]
            urgent: true
            message:
              es: "Trabajos nocturnos en {{lead}}."
              en: "Night works in {{lead}}."
        """,
    ]

    func run(_ format: String) throws -> CommandRunner.Outcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("simulate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in Self.files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return try CommandRunner.run([
            "simulate", "--plans", directory.path, "--from", "2026-03-01T00:00:00Z", "--to",
            "2026-03-12T00:00:00Z", "--format", format,
        ])
    }

    @Test func nightStepsAreDeferredCappedOnesSuppressedAndUrgentStaffAlertsGo() throws {
        let outcome = try run("json")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let notices = try #require(document["notices"] as? [[String: Any]])
        func policy(_ step: String, _ recipient: String) -> [String: Any]? {
            notices.first { $0["step"] as? String == step && $0["recipient"] as? String == recipient }?["policy"]
                as? [String: Any]
        }
        // 3 days before 23:30 local (UTC−3) is 23:30 local: quiet hours, held until 08:00 the next morning.
        let early = try #require(policy("before-3d", "c1"))
        #expect(early["outcome"] as? String == "deferred")
        #expect(early["due_at"] as? String == "2026-03-08T11:00:00Z")
        #expect(early["label"] as? String == "deferred: quiet hours → 08:00")
        // The cap is one per 7 days: the 1-day notice is the second within the window.
        let late = try #require(policy("before-1d", "c1"))
        #expect(late["outcome"] as? String == "suppressed")
        #expect(late["label"] as? String == "suppressed: frequency cap")
        let stages = try #require(late["stages"] as? [[String: Any]])
        #expect(stages.last?["stage"] as? String == "frequency-cap" && stages.last?["passed"] as? Bool == false)
        // No consent recorded for c2: never contacted.
        #expect(policy("before-3d", "c2")?["label"] as? String == "suppressed: no consent")
        // The urgent staff alert goes at night.
        let staff = try #require(
            notices.first { $0["recipient"] as? String == "ops-lead" }?["policy"] as? [String: Any])
        #expect(staff["outcome"] as? String == "enqueued")
        #expect(
            (staff["stages"] as? [[String: Any]])?.contains { ($0["reason"] as? String)?.contains("bypasses") == true }
                == true)
    }

    @Test func theTableShowsTheDecisions() throws {
        let outcome = try run("table")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n")
        let early = try #require(lines.first { $0.contains("#0 before-3d") })
        #expect(early.contains("deferred: quiet hours → 08:00") && early.contains("suppressed: no consent"))
        let late = try #require(lines.first { $0.contains("#0 before-1d") })
        #expect(late.contains("suppressed: frequency cap"))
        #expect(outcome.standardOutput.contains("by the policy stages"))
    }
}

import Foundation
import Testing

@testable import Engine

/// The engine's tick is optimised for 10,000 plans; none of that may change a decision. The fixture is the
/// transcript the engine produced on this scenario before the interning and per-tick signal resolution
/// (commit 2ef7005); regenerate it only for a change meant to alter decisions, with
/// `ENGINE_TRANSCRIPT_RECORD=1 swift test --filter TickEquivalenceTests` (the test then fails, saying so).
@Suite struct TickEquivalenceTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tick-transcript.txt")

    @Test func theDecisionsAreThoseOfTheUnoptimisedEngine() throws {
        let lines = try TickTranscript.run(ticks: 600)
        let text = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["ENGINE_TRANSCRIPT_RECORD"] == "1" {
            try text.write(to: Self.fixture, atomically: true, encoding: .utf8)
            Issue.record("recorded \(lines.count) decisions to \(Self.fixture.path); unset ENGINE_TRANSCRIPT_RECORD")
            return
        }
        let expected = try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n").map {
            TickTranscript.sortingCompletedSteps(String($0))
        }
        // The scenario exercises every kind of decision, so a silently empty run cannot pass.
        for kind in ["foresee", "reschedule", "start", "end", "cancel", "enqueue", "skip", "alert"] {
            #expect(lines.contains { $0.split(separator: " ").dropFirst().first == Substring(kind) }, "no \(kind)")
        }
        #expect(lines.count == expected.count)
        if let first = zip(lines, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("decision \(first) differs:\n got      \(lines[first])\n expected \(expected[first])")
        }
    }
}

/// Skipping the plans that are neither due nor read anything new must not change a decision: the same scenario,
/// ticked every 30 s and every 90 s over samples held for 5 minutes, evaluating every plan on every tick and
/// skipping the quiet ones.
@Suite struct PlanScheduleTests {
    @Test(arguments: [(30.0, 6000), (90.0, 2400)])
    func skippingQuietPlansChangesNoDecision(tick: TimeInterval, ticks: Int) throws {
        let every = try TickTranscript.runHeld(ticks: ticks, tick: tick, skipping: false)
        let skipping = try TickTranscript.runHeld(ticks: ticks, tick: tick, skipping: true)
        for kind in ["foresee", "reschedule", "start", "end", "cancel", "enqueue", "skip", "alert"] {
            let kinds = every.lines.map { $0.split(separator: " ").dropFirst().first }
            #expect(kinds.contains(Substring(kind)), "no \(kind)")
        }
        #expect(skipping.evaluations < every.evaluations / 2, "skipped too little to test anything")
        #expect(skipping.lines.count == every.lines.count)
        let pairs = zip(skipping.lines, every.lines).enumerated()
        if let first = pairs.first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record(
                "decision \(first) differs:\n skipping \(skipping.lines[first])\n every    \(every.lines[first])")
        }
    }
}

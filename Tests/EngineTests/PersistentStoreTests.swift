import Foundation
import Plans
import Signals
import Store
import Testing

@testable import Engine

/// The engine over the daemon's SQLite database: a new process (new store objects on the same file) in the
/// middle of a calendar plan's leads neither repeats nor loses a notice, and debounces survive a restart.
@Suite struct PersistentStoreTests {
    func databasePath() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("engine-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("forewarn.sqlite").path
    }

    /// A fresh "process": the database opened anew and the engine's working set loaded from it.
    func reopen(_ path: String, now: Date) throws -> SQLiteOccurrenceStore {
        try SQLiteOccurrenceStore(store: try SQLiteStore(path: path), now: now)
    }

    @Test func restartingOnTheDatabaseInTheMiddleOfTheLeadsNeitherRepeatsNorLoses() throws {
        let set = try CalendarPlanTests().planSet()
        let (from, middle, to) = (utc("2026-02-20T00:00:00Z"), utc("2026-05-04T10:07:00Z"), utc("2026-07-20T00:00:00Z"))
        var whole = try Simulator(planSet: set, traces: [:])
        let reference = whole.run(from: from, to: to).notices.map(\.notice.key)
        let path = try databasePath()
        var first = try Simulator(planSet: set, traces: [:], store: try reopen(path, now: from))
        let firstOutcome = first.run(from: from, to: middle)
        #expect(firstOutcome.storeErrors.isEmpty)
        let before = firstOutcome.notices.map(\.notice.key)
        // 2026-05-05 09:00 local: 3d is sent before the restart, 1d and 2h after it.
        #expect(before.contains { $0.occurrence.contains("2026-05-05") && $0.step == "before-3d" })
        var second = try Simulator(planSet: set, traces: [:], store: try reopen(path, now: middle))
        let secondOutcome = second.run(from: middle.addingTimeInterval(300), to: to)
        #expect(secondOutcome.storeErrors.isEmpty)
        let after = secondOutcome.notices.map(\.notice.key)
        #expect(after.contains { $0.occurrence.contains("2026-05-05") && $0.step == "before-1d" })
        #expect(Set(before).isDisjoint(with: after), "a notice was issued again after the restart")
        #expect(Set(before + after) == Set(reference), "a notice was lost or invented across the restart")
        #expect(before.count + after.count == reference.count)
    }

    @Test func aCrashBeforeTheFlushReissuesTheSameIdentitiesSoTheOutboxDropsThem() throws {
        let set = try CalendarPlanTests().planSet()
        let path = try databasePath()
        let store = try reopen(path, now: utc("2026-03-01T00:00:00Z"))
        var engine = try Engine(planSet: set, store: store)
        // 2026-03-05 09:00 local is 12:00Z: 3d at 03-02 12:00Z, 1d at 03-04 12:00Z.
        let threeDays = engine.tick(now: utc("2026-03-02T12:01:00Z"), signals: SignalSnapshot()).notices
        #expect(threeDays.count == 3 && threeDays.allSatisfy { $0.key.step == "before-3d" })
        try store.flush()
        let unflushed = engine.tick(now: utc("2026-03-04T12:01:00Z"), signals: SignalSnapshot()).notices
        #expect(unflushed.count == 3 && unflushed.allSatisfy { $0.key.step == "before-1d" })
        // The process dies here: the 1d notices reached the outbox, the engine's record of them did not.
        let reopened = try reopen(path, now: utc("2026-03-04T12:06:00Z"))
        #expect(reopened.notices(of: unflushed[0].key.occurrence).map(\.step).allSatisfy { $0 == "before-3d" })
        var restarted = try Engine(planSet: set, store: reopened)
        let again = restarted.tick(now: utc("2026-03-04T12:06:00Z"), signals: SignalSnapshot()).notices
        #expect(
            Set(again.map(\.key)) == Set(unflushed.map(\.key)), "the identities changed: the outbox would send twice")
        try reopened.flush()
        let third = try reopen(path, now: utc("2026-03-04T12:11:00Z"))
        var settled = try Engine(planSet: set, store: third)
        #expect(settled.tick(now: utc("2026-03-04T12:11:00Z"), signals: SignalSnapshot()).notices.isEmpty)
    }

    @Test func aDebounceSurvivesARestart() throws {
        let set = try loadPlans([
            "defs.yaml": definitions,
            "plan.yaml": """
            plan: surge
            title: Surge
            owner: ops-lead
            timezone: UTC
            foresee:
              forecast: { signal: load, above: 100, within: 6h, confidence: 0.8, for: 30m }
            actions:
              - notify: on-call
                via: sms
                before: [2h]
                message: { es: "Alza {{onset_time}}", en: "Surge {{onset_time}}" }
            """,
        ])
        let path = try databasePath()
        let start = utc("2026-06-01T10:00:00Z")
        let forecaster = ScriptedForecaster(crossing: start.addingTimeInterval(4 * 3600))
        let store = try reopen(path, now: start)
        var engine = try Engine(planSet: set, store: store, forecasters: ["load": forecaster])
        for minute in stride(from: 0, through: 20, by: 5) {
            let now = start.addingTimeInterval(Double(minute) * 60)
            #expect(
                !engine.tick(now: now, signals: healthy(50, at: now)).contains {
                    if case .foresee = $0 { true } else { false }
                })
            try store.flush()
        }
        var restarted = try Engine(planSet: set, store: try reopen(path, now: start), forecasters: ["load": forecaster])
        let at25 = start.addingTimeInterval(25 * 60)
        #expect(restarted.tick(now: at25, signals: healthy(50, at: at25)).isEmpty)
        let at30 = start.addingTimeInterval(30 * 60)
        let foreseen = restarted.tick(now: at30, signals: healthy(50, at: at30)).contains {
            if case .foresee = $0 { true } else { false }
        }
        #expect(foreseen, "the 30 min debounce started before the restart must end at 10:30, not 30 min after it")
    }
}

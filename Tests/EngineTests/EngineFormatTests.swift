import Foundation
import Testing
import Zones

@testable import Engine

/// Local dates and times as messages show them, in the plan's zone, across an offset change.
@Suite struct EngineFormatTests {
    @Test func localDateTimeAndISOWithTheZonesOffset() {
        let santiago = Zone(identifier: "America/Santiago")!
        // 2026-04-05: UTC−3 → UTC−4 in Santiago.
        let after = EngineFormat.local(utc("2026-04-05T13:00:00Z"), zone: santiago, locale: "es")
        #expect(after.date == "05-04-2026" && after.time == "09:00" && after.iso == "2026-04-05T09:00:00-04:00")
        let before = EngineFormat.local(utc("2026-04-04T12:05:07Z"), zone: santiago, locale: "en")
        #expect(before.date == "2026-04-04" && before.time == "09:05" && before.iso == "2026-04-04T09:05:07-03:00")
        let kolkata = EngineFormat.local(
            utc("2026-01-01T00:00:00Z"), zone: Zone(identifier: "Asia/Kolkata")!, locale: "en")
        #expect(kolkata.iso == "2026-01-01T05:30:00+05:30")
    }
}

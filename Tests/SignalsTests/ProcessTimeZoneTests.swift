import Foundation
import Testing

@testable import Signals

/// `forewarn run` pins its own zone to GMT (docs/daemon.md, "Memory"): nothing it computes depends on the host's
/// zone, no library looks the host's zone up, and command signals still run in the host's zone.
@Suite(.serialized) struct ProcessTimeZoneTests {
    /// Runs `body` with `TZ` set to `zone` (nil: unset), then restores the environment and the pin.
    func withHostZone(_ zone: String?, _ body: () throws -> Void) rethrows {
        let saved = getenv("TZ").map { String(cString: $0) }
        let savedPin = ProcessEnvironment.hostTimeZone
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
            ProcessEnvironment.hostTimeZone = savedPin
        }
        if let zone { setenv("TZ", zone, 1) } else { unsetenv("TZ") }
        tzset()
        ProcessEnvironment.hostTimeZone = nil
        try body()
    }

    func childTZ() throws -> String {
        let output = try ChildProcess.run(["/bin/sh", "-c", "echo \"${TZ-unset}\""], timeout: .seconds(10)).get()
        return String(decoding: output.standardOutput, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    @Test func theProcessRunsInUTCAndChildrenInTheHostZone() throws {
        try withHostZone("America/Santiago") { () throws in
            var instant = time_t(1_775_357_999)  // 2026-04-05T02:59:59Z: 23:59:59 in Santiago (UTC−3)
            var parts = tm()
            localtime_r(&instant, &parts)
            #expect(parts.tm_gmtoff == -10_800 && parts.tm_hour == 23)  // the host's zone was in force

            ProcessEnvironment.pinTimeZoneToGMT()

            #expect(getenv("TZ").map { String(cString: $0) } == "GMT")
            localtime_r(&instant, &parts)
            #expect(parts.tm_gmtoff == 0 && parts.tm_hour == 2 && parts.tm_min == 59)
            let child = try childTZ()
            #expect(child == "America/Santiago")
        }
    }

    @Test func aHostWithoutTZGivesChildrenNone() throws {
        try withHostZone(nil) { () throws in
            ProcessEnvironment.pinTimeZoneToGMT()
            #expect(getenv("TZ").map { String(cString: $0) } == "GMT")
            let child = try childTZ()
            #expect(child == "unset")
        }
    }
}

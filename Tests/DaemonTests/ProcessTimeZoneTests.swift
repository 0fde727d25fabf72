import Foundation
import Testing

@testable import Daemon

/// `forewarn run` pins its own zone to GMT (docs/daemon.md, "Memory"): nothing it computes depends on the host's
/// zone, and no library looks the host's zone up.
@Suite(.serialized) struct ProcessTimeZoneTests {
    @Test func pinningMakesTheProcessLocalTimeUTC() {
        let saved = getenv("TZ").map { String(cString: $0) }
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }
        setenv("TZ", "America/Santiago", 1)
        tzset()
        var instant = time_t(1_775_357_999)  // 2026-04-05T02:59:59Z: 23:59:59 in Santiago (UTC−3)
        var parts = tm()
        localtime_r(&instant, &parts)
        #expect(parts.tm_gmtoff == -10_800 && parts.tm_hour == 23)  // the host's zone was in force

        ProcessBootstrap.pinProcessTimeZone()

        #expect(getenv("TZ").map { String(cString: $0) } == "GMT")
        localtime_r(&instant, &parts)
        #expect(parts.tm_gmtoff == 0 && parts.tm_hour == 2 && parts.tm_min == 59)
    }
}

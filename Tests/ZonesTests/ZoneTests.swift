import Foundation
import Testing
import Zones

/// Zones from the system's tz database through libical (needs Debian's `tzdata`, which `scripts/install-deps.sh`
/// installs). Known answers: offsets computed with Python's `zoneinfo` over the same system tz data,
/// `int(datetime.fromtimestamp(t, timezone.utc).astimezone(ZoneInfo(zone)).utcoffset().total_seconds())`.
@Suite struct ZoneTests {
    static let known: [(zone: String, unix: Int64, offset: Int)] = [
        ("Europe/Madrid", 1_774_745_999, 3600),  // 2026-03-29T00:59:59Z, last second of CET
        ("Europe/Madrid", 1_774_746_000, 7200),  // 2026-03-29T01:00:00Z, CEST
        ("Europe/Madrid", 1_792_889_999, 7200),  // 2026-10-25T00:59:59Z
        ("Europe/Madrid", 1_792_890_000, 3600),  // 2026-10-25T01:00:00Z
        ("Europe/Madrid", 0, 3600),  // 1970-01-01T00:00:00Z
        ("Europe/Madrid", 4_118_083_200, 7200),  // 2100-07-01T00:00:00Z, from the zone's rule
        ("America/Santiago", 1_775_357_999, -10800),  // 2026-04-05T02:59:59Z
        ("America/Santiago", 1_775_358_000, -14400),  // 2026-04-05T03:00:00Z
        ("America/Santiago", 1_788_667_199, -14400),  // 2026-09-06T03:59:59Z
        ("America/Santiago", 1_788_667_200, -10800),  // 2026-09-06T04:00:00Z
        ("America/New_York", 1_772_953_199, -18000),  // 2026-03-08T06:59:59Z
        ("America/New_York", 1_772_953_200, -14400),  // 2026-03-08T07:00:00Z
        ("America/New_York", 1_793_512_799, -14400),  // 2026-11-01T05:59:59Z
        ("America/New_York", 1_793_512_800, -18000),  // 2026-11-01T06:00:00Z
        ("Australia/Lord_Howe", 1_768_435_200, 39600),  // 2026-01-15T00:00:00Z, a half-hour DST
        ("Australia/Lord_Howe", 1_784_073_600, 37800),  // 2026-07-15T00:00:00Z
        ("Asia/Kolkata", 1_780_272_000, 19800),  // 2026-06-01T00:00:00Z
        ("Pacific/Chatham", 1_768_435_200, 49500),  // 2026-01-15T00:00:00Z, +13:45
        ("Pacific/Chatham", 1_784_073_600, 45900),  // 2026-07-15T00:00:00Z, +12:45
        ("US/Eastern", 1_782_864_000, -14400),  // 2026-07-01T00:00:00Z, a backward-compatible alias
    ]

    @Test func offsetsMatchKnownAnswers() throws {
        for entry in Self.known {
            let zone = try #require(Zone(identifier: entry.zone), "\(entry.zone) not found")
            #expect(zone.secondsFromGMT(at: entry.unix) == entry.offset, "\(entry)")
            #expect(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(entry.unix))) == entry.offset)
        }
    }

    /// Foundation's `TimeZone` (ICU with its own copy of the tz data) as an independent oracle, every 7 hours
    /// over years whose rules neither copy changed recently.
    @Test(arguments: ["Europe/Madrid", "America/New_York", "America/Santiago", "Australia/Sydney", "Asia/Tokyo"])
    func agreesWithFoundationFrom2015To2030(name: String) throws {
        let zone = try #require(Zone(identifier: name))
        let oracle = try #require(TimeZone(identifier: name))
        let first: Int64 = 1_420_070_400  // 2015-01-01T00:00:00Z
        let last: Int64 = 1_924_992_000  // 2031-01-01T00:00:00Z
        var mismatches: [Int64] = []
        for unix in stride(from: first, to: last, by: 7 * 3600) {
            let expected = oracle.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(unix)))
            if zone.secondsFromGMT(at: unix) != expected { mismatches.append(unix) }
        }
        #expect(mismatches.isEmpty, "\(name): first instants that differ: \(mismatches.prefix(5))")
    }

    @Test func utcAndGMTAreFixedAtZero() throws {
        for name in ["UTC", "GMT", "Etc/UTC"] {
            let zone = try #require(Zone(identifier: name))
            #expect(zone.identifier == name)
            #expect(zone.secondsFromGMT(at: 1_774_746_000) == 0)
        }
        #expect(Zone.utc.secondsFromGMT(at: -2_208_988_800) == 0)
    }

    @Test func unknownAndMalformedNamesAreRefused() {
        for name in [
            "", "Mars/Olympus_Mons", "Europe/Madrid ", " Europe/Madrid", "Europe//Madrid", "/etc/localtime",
            "../../etc/passwd", "Europe/../../../etc/passwd", "Europe/Madrid/", "zone.tab", "Europe/Ma\u{0}drid",
        ] {
            #expect(Zone(identifier: name) == nil, "'\(name)' was accepted")
        }
    }

    @Test func equalityIsByName() throws {
        #expect(Zone(identifier: "Europe/Madrid") == Zone(identifier: "Europe/Madrid"))
        #expect(Zone(identifier: "US/Eastern") != Zone(identifier: "America/New_York"))
        #expect(Set([Zone.utc, try #require(Zone(identifier: "UTC"))]).count == 1)
    }

    /// forewarn's DST rule: a reading inside a spring-forward gap moves forward by the gap; a reading inside a
    /// fall-back overlap is the earlier instant.
    @Test func wallClockReadingsFollowTheDSTRule() throws {
        let newYork = try #require(Zone(identifier: "America/New_York"))
        func wall(_ days: Int, _ hour: Int, _ minute: Int) -> Int64 {
            Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60)
        }
        let march8 = 20_520  // days from 1970-01-01 to 2026-03-08
        let november1 = 20_758  // to 2026-11-01
        // 02:30 does not exist on 2026-03-08: it reads as 03:30 EDT = 07:30Z.
        #expect(newYork.instant(ofWallSeconds: wall(march8, 2, 30)) == 1_772_955_000)
        // 01:30 happens twice on 2026-11-01: the first, 01:30 EDT = 05:30Z.
        #expect(newYork.instant(ofWallSeconds: wall(november1, 1, 30)) == 1_793_511_000)
        // An ordinary reading, and the way back.
        #expect(newYork.instant(ofWallSeconds: wall(march8, 12, 0)) == 1_772_985_600)
        #expect(newYork.wallSeconds(at: 1_772_985_600) == wall(march8, 12, 0))
    }

    @Test func concurrentReadersGetTheSameAnswers() async throws {
        let names = ["Europe/Madrid", "America/Santiago", "Australia/Lord_Howe", "Pacific/Chatham"]
        let zones = try names.map { try #require(Zone(identifier: $0)) }
        let instants = stride(from: Int64(1_600_000_000), to: 2_600_000_000, by: 9_999_991).map { $0 }
        let sequential = zones.map { zone in instants.map { zone.secondsFromGMT(at: $0) } }
        let concurrent = await withTaskGroup(of: (Int, [Int]).self) { group in
            for (index, zone) in zones.enumerated() {
                group.addTask { (index, instants.reversed().map { zone.secondsFromGMT(at: $0) }.reversed()) }
            }
            var results = [[Int]](repeating: [], count: zones.count)
            for await (index, offsets) in group { results[index] = offsets }
            return results
        }
        #expect(concurrent == sequential)
    }
}

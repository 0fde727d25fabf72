import Foundation
import Zones

@testable import Calendars

/// Helpers shared by the Calendars tests.
enum Fixture {
    /// The absolute path of a file under `Fixtures/`.
    static func path(_ name: String) -> String {
        guard let root = Bundle.module.resourceURL else { fatalError("test resources are missing") }
        return root.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// An instant from an ISO 8601 string with an offset (or Z).
    static func instant(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: text) else { fatalError("bad instant in test: \(text)") }
        return date
    }

    /// Rules for an IANA zone that must exist.
    static func zone(_ name: String) -> ZoneRules {
        guard let zone = Zone(identifier: name) else { fatalError("unknown zone in test: \(name)") }
        return ZoneRules(zone: zone)
    }

    /// A wall-clock reading from `YYYY-MM-DDTHH:MM[:SS]`.
    static func local(_ text: String) -> LocalDateTime {
        guard let value = LocalDateTime(iso: text) else { fatalError("bad local time in test: \(text)") }
        return value
    }

    /// A date from `YYYY-MM-DD`.
    static func date(_ text: String) -> LocalDate {
        guard let value = LocalDate(iso: text) else { fatalError("bad date in test: \(text)") }
        return value
    }
}

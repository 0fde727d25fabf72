import Foundation
import Zones

/// A value written in the plan language could not be read; `message` says what was expected.
public struct ValueSyntaxError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A human sentence: what was found and what is expected instead.
    public let message: String

    /// Creates an error with a human message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// A span of time written as `90s`, `15m`, `2h`, `3d`, `1w` or a compound such as `1h30m`.
public struct PlanDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The length in seconds.
    public let seconds: Double

    /// Creates a duration of `seconds` seconds.
    public init(seconds: Double) { self.seconds = seconds }

    private static let units: [(suffix: String, seconds: Double)] = [
        ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3_600), ("d", 86_400), ("w", 604_800),
    ]

    /// Parses `text` such as `90s`, `15m`, `1h30m`, `3d`, `1w`, `500ms`.
    public static func parse(_ text: String) throws(ValueSyntaxError) -> PlanDuration {
        let trimmed = text.trimmingWhitespace
        let hint = "expected a number followed by a unit ms, s, m, h, d or w (e.g. 90s, 15m, 1h30m, 3d, 1w)"
        guard !trimmed.isEmpty else { throw ValueSyntaxError("empty duration: \(hint)") }
        var total = 0.0
        var rest = Substring(trimmed)
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !digits.isEmpty, let number = Double(digits) else {
                throw ValueSyntaxError("invalid duration '\(text)': \(hint)")
            }
            rest = rest.dropFirst(digits.count)
            let letters = rest.prefix { $0.isASCII && $0.isLetter }
            guard let unit = units.first(where: { $0.suffix == letters }) else {
                let found = letters.isEmpty ? "no unit" : "unit '\(letters)'"
                throw ValueSyntaxError("invalid duration '\(text)' (\(found)): \(hint)")
            }
            rest = rest.dropFirst(letters.count)
            total += number * unit.seconds
        }
        return PlanDuration(seconds: total)
    }

    public static func < (lhs: PlanDuration, rhs: PlanDuration) -> Bool { lhs.seconds < rhs.seconds }

    /// The shortest plan-language spelling, e.g. `1h30m`, `3d`, `90s`.
    public var description: String {
        if seconds == 0 { return "0s" }
        var remaining = abs(seconds)
        var parts = seconds < 0 ? "-" : ""
        for (suffix, size) in [("w", 604_800.0), ("d", 86_400), ("h", 3_600), ("m", 60)] where remaining >= size {
            let count = (remaining / size).rounded(.down)
            parts += "\(Int(count))\(suffix)"
            remaining -= count * size
        }
        if remaining > 0 {
            parts += remaining == remaining.rounded() ? "\(Int(remaining))s" : "\(remaining)s"
        }
        return parts
    }
}

/// A fraction written as a percentage, e.g. `30%` → 0.30.
public struct Percentage: Hashable, Sendable, CustomStringConvertible {
    /// The value as a fraction of one (30% is 0.3).
    public let fraction: Double

    /// Creates a percentage from a fraction of one.
    public init(fraction: Double) { self.fraction = fraction }

    /// Parses `text` such as `30%` or `12.5%`.
    public static func parse(_ text: String) throws(ValueSyntaxError) -> Percentage {
        let trimmed = text.trimmingWhitespace
        guard trimmed.hasSuffix("%"), let number = Double(trimmed.dropLast().trimmingWhitespace),
            number.isFinite
        else {
            throw ValueSyntaxError("invalid percentage '\(text)': expected a number followed by % (e.g. 30%)")
        }
        return Percentage(fraction: number / 100)
    }

    public var description: String {
        let percent = fraction * 100
        return percent == percent.rounded() ? "\(Int(percent))%" : "\(percent)%"
    }
}

/// A service-level target such as `80% in 20s`: that fraction of contacts answered within that time.
public struct ServiceLevelTarget: Hashable, Sendable, CustomStringConvertible {
    /// The fraction of contacts to answer in time, in (0, 1].
    public let fraction: Double
    /// The answer time the fraction refers to.
    public let within: PlanDuration

    /// Creates a target from its parts.
    public init(fraction: Double, within: PlanDuration) {
        self.fraction = fraction
        self.within = within
    }

    /// Parses `text` such as `80% in 20s`.
    public static func parse(_ text: String) throws(ValueSyntaxError) -> ServiceLevelTarget {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        let hint = "expected '<percentage> in <duration>' (e.g. 80% in 20s)"
        guard parts.count == 3, parts[1] == "in" else {
            throw ValueSyntaxError("invalid service-level target '\(text)': \(hint)")
        }
        guard let percentage = try? Percentage.parse(String(parts[0])) else {
            throw ValueSyntaxError("invalid service-level target '\(text)': '\(parts[0])' is not a percentage; \(hint)")
        }
        guard percentage.fraction > 0, percentage.fraction <= 1 else {
            throw ValueSyntaxError(
                "invalid service-level target '\(text)': the percentage must be above 0% and at most 100%")
        }
        let within = try PlanDuration.parse(String(parts[2]))
        guard within.seconds > 0 else {
            throw ValueSyntaxError("invalid service-level target '\(text)': the answer time must be positive")
        }
        return ServiceLevelTarget(fraction: percentage.fraction, within: within)
    }

    public var description: String { "\(Percentage(fraction: fraction)) in \(within)" }
}

/// A phone number in E.164 form: `+` and 8 to 15 digits, the first not zero.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// The number as written, e.g. `+56912345678`.
    public let e164: String

    /// Parses and validates `text` as an E.164 number; spaces, dots and dashes are not allowed.
    public static func parse(_ text: String) throws(ValueSyntaxError) -> PhoneNumber {
        let digits = text.dropFirst()
        guard text.first == "+", (8...15).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            digits.first != "0"
        else {
            throw ValueSyntaxError(
                "invalid phone number '\(text)': expected E.164, a '+' then 8 to 15 digits without spaces (e.g. +56912345678)"
            )
        }
        return PhoneNumber(e164: text)
    }

    /// The number with all but the last three digits masked, for logs: `+56*******678`.
    public var masked: String {
        let keep = 3
        let prefix = e164.prefix(3)
        let suffix = e164.suffix(keep)
        return prefix + String(repeating: "*", count: max(0, e164.count - 3 - keep)) + suffix
    }

    public var description: String { masked }
}

/// IANA time-zone names.
public enum TimeZoneName {
    /// Returns the zone named `identifier` (e.g. `America/Santiago`), or an error saying how to find valid names.
    public static func resolve(_ identifier: String) throws(ValueSyntaxError) -> Zone {
        guard !identifier.isEmpty, identifier == identifier.trimmingWhitespace,
            let zone = Zone(identifier: identifier)
        else {
            throw ValueSyntaxError(
                "unknown time zone '\(identifier)': use an IANA name such as America/Santiago or Europe/Madrid (see `timedatectl list-timezones`)"
            )
        }
        return zone
    }
}

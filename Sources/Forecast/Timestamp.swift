import CivilDay
import Foundation

/// Parsing and printing of instants: ISO 8601, naive `YYYY-MM-DD HH:MM:SS` (taken as UTC), epoch seconds.
public enum Timestamp {
    /// Parses `2014-07-01 00:00:00`, `2014-07-01T00:00:00Z`, `…+02:00`, `…T00:00`, `2014-07-01` or `1404172800`.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        if !text.dropFirst().contains("-"), !text.contains(":"), let seconds = Double(text), seconds.isFinite {
            return Date(timeIntervalSince1970: seconds)
        }
        var reader = DigitReader(bytes: bytes)
        guard let year = reader.number(4), reader.expect(45), let month = reader.number(2), reader.expect(45),
            let day = reader.number(2), (1...12).contains(month),
            (1...CivilDay.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Double(CivilDay.days(year: year, month: month, day: day)) * 86_400
        guard !reader.isAtEnd else { return Date(timeIntervalSince1970: seconds) }
        guard reader.expect(84) || reader.expect(116) || reader.expect(32), let hour = reader.number(2),
            reader.expect(58), let minute = reader.number(2), hour < 24, minute < 60
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if reader.expect(58) {
            guard let second = reader.number(2), second < 61 else { return nil }
            seconds += Double(second)
            if reader.expect(46) || reader.expect(44) {
                guard let fraction = reader.fraction() else { return nil }
                seconds += fraction
            }
        }
        if reader.expect(90) || reader.expect(122) {
            return reader.isAtEnd ? Date(timeIntervalSince1970: seconds) : nil
        }
        if let sign = reader.sign() {
            guard let offsetHours = reader.number(2) else { return nil }
            _ = reader.expect(58)
            guard let offsetMinutes = reader.number(2), offsetHours < 24, offsetMinutes < 60 else { return nil }
            seconds -= sign * Double(offsetHours * 3600 + offsetMinutes * 60)
        }
        return reader.isAtEnd ? Date(timeIntervalSince1970: seconds) : nil
    }

    /// Formats an instant as ISO 8601 UTC with whole seconds (`2014-10-01T00:00:00Z`), or milliseconds if any.
    public static func format(_ date: Date) -> String {
        let total = date.timeIntervalSince1970
        let whole = total.rounded(.down)
        let millis = Int(((total - whole) * 1000).rounded())
        let seconds = Int(whole) + (millis == 1000 ? 1 : 0)
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = CivilDay.date(days: days)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
        text += "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
        if millis != 0 && millis != 1000 { text += ".\(pad(millis, 3))" }
        return text + "Z"
    }
}

/// Reads fixed-width digit groups and separators from ASCII bytes.
private struct DigitReader {
    let bytes: [UInt8]
    var index = 0

    var isAtEnd: Bool { index == bytes.count }

    mutating func expect(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func number(_ width: Int) -> Int? {
        guard index + width <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<(index + width)] {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += width
        return value
    }

    mutating func fraction() -> Double? {
        var scale = 0.1
        var value = 0.0
        let start = index
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
            value += Double(bytes[index] - 48) * scale
            scale /= 10
            index += 1
        }
        return index > start ? value : nil
    }

    mutating func sign() -> Double? {
        if expect(43) { return 1 }
        if expect(45) { return -1 }
        return nil
    }
}

/// The content lines of iCalendar text after unfolding, each with the physical line it starts on.
struct ICSLines {
    /// One unfolded content line.
    struct Line {
        /// The 1-based physical line where the content line starts.
        var number: Int
        /// The unfolded text.
        var text: String
        /// The property or component name, upper-cased (`DTSTART` for `DTSTART;TZID=…:…`).
        var name: String
        /// The text after the first colon that is not inside a quoted parameter value.
        var value: String?

        /// Splits an unfolded line's bytes into name and value.
        init(number: Int, bytes: [UInt8]) {
            self.number = number
            text = String(decoding: bytes, as: UTF8.self)
            let nameEnd = bytes.firstIndex { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ";") } ?? bytes.endIndex
            name = String(decoding: bytes[..<nameEnd], as: UTF8.self).uppercased()
            var isQuoted = false
            value = nil
            for index in bytes.indices {
                if bytes[index] == UInt8(ascii: "\"") { isQuoted.toggle() }
                if bytes[index] == UInt8(ascii: ":") && !isQuoted {
                    value = String(decoding: bytes[(index + 1)...], as: UTF8.self)
                    break
                }
            }
        }
    }

    /// The unfolded lines, blank ones dropped.
    let lines: [Line]

    /// Splits on CRLF, LF or CR, working on UTF-8 bytes (in Swift "\r\n" is one Character, and folding may
    /// split a multi-byte character), and unfolds continuation lines, which start with a space or a tab.
    init(text: String) {
        let bytes = Array(text.utf8)
        var lines: [Line] = []
        var pending: (number: Int, bytes: [UInt8])?
        var number = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            number += 1
            let raw = bytes[start..<end]
            if let first = raw.first, first == 0x20 || first == 0x09, pending != nil {
                pending?.bytes += raw.dropFirst()
            } else if !raw.isEmpty {
                if let done = pending { lines.append(Line(number: done.number, bytes: done.bytes)) }
                pending = (number, Array(raw))
            }
            let isCRLF = end + 1 < bytes.count && bytes[end] == 0x0D && bytes[end + 1] == 0x0A
            start = end + (isCRLF ? 2 : 1)
        }
        if let done = pending { lines.append(Line(number: done.number, bytes: done.bytes)) }
        self.lines = lines
    }

    /// Structural problems libical would not locate: lines with no colon, unbalanced BEGIN/END.
    func structuralErrors(source: String) -> [CalendarError] {
        var errors: [CalendarError] = []
        var open: [(name: String, line: Int)] = []
        if let first = lines.first, first.text.uppercased() != "BEGIN:VCALENDAR" {
            errors.append(
                CalendarError(
                    .malformedICS,
                    "expected 'BEGIN:VCALENDAR' first, found '\(first.text.prefix(40))'; is this an .ics file?",
                    source: source, line: first.number))
            return errors
        }
        for line in lines {
            guard let value = line.value, !line.name.isEmpty else {
                errors.append(
                    CalendarError(
                        .malformedICS, "content line '\(line.text.prefix(40))' has no 'NAME:value' form",
                        source: source, line: line.number))
                continue
            }
            if line.name == "BEGIN" {
                open.append((value.uppercased(), line.number))
            } else if line.name == "END" {
                guard let last = open.last, last.name == value.uppercased() else {
                    let message =
                        open.last.map {
                            "'END:\(value)' while 'BEGIN:\($0.name)' (line \($0.line)) is open; add 'END:\($0.name)' first"
                        }
                        ?? "'END:\(value)' has no matching 'BEGIN:\(value)'"
                    errors.append(CalendarError(.malformedICS, message, source: source, line: line.number))
                    return errors
                }
                open.removeLast()
            }
        }
        if let unclosed = open.last {
            errors.append(
                CalendarError(
                    .malformedICS, "'BEGIN:\(unclosed.name)' is never closed; add 'END:\(unclosed.name)'",
                    source: source, line: unclosed.line))
        }
        if lines.isEmpty {
            errors.append(
                CalendarError(.malformedICS, "the file is empty; expected an iCalendar VCALENDAR", source: source))
        }
        return errors
    }

    /// The first line whose text contains `fragment` (case-insensitive), for locating libical's complaints.
    func firstLine(containing fragment: String) -> Int? {
        guard !fragment.isEmpty else { return nil }
        let needle = fragment.uppercased()
        return lines.first { $0.text.uppercased().contains(needle) }?.number
    }
}

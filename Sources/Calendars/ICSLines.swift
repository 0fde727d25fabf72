/// The content lines of iCalendar text after unfolding, each with the physical line it starts on.
struct ICSLines {
    /// One unfolded content line.
    struct Line {
        /// The 1-based physical line where the content line starts.
        var number: Int
        /// The unfolded text.
        var text: String

        /// The property or component name, upper-cased (`DTSTART` for `DTSTART;TZID=…:…`).
        var name: String {
            String(text.prefix { $0 != ":" && $0 != ";" }).uppercased()
        }

        /// The text after the first colon that is not inside a quoted parameter value.
        var value: String? {
            var isQuoted = false
            for index in text.indices {
                if text[index] == "\"" { isQuoted.toggle() }
                if text[index] == ":" && !isQuoted { return String(text[text.index(after: index)...]) }
            }
            return nil
        }
    }

    /// The unfolded lines, blank ones dropped.
    let lines: [Line]

    /// Splits on every line break (in Swift "\r\n" is one Character, and `isNewline` covers it) and unfolds
    /// continuation lines, which start with a space or a tab.
    init(text: String) {
        var lines: [Line] = []
        let physical = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, raw) in physical.enumerated() {
            if let first = raw.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1].text += raw.dropFirst()
            } else if !raw.isEmpty {
                lines.append(Line(number: index + 1, text: String(raw)))
            }
        }
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

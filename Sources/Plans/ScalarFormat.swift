import Foundation

/// The textual formats of scalars in the plan language, each with its check and its JSON Schema pattern.
enum ScalarFormat {
    case text
    case identifier
    case duration
    case percentage
    case serviceLevel
    case timeZone
    case phone
    case locale
    case template
    case url
    case date
    case dateTime
    case clockRange
    case frequencyCap
    case relativePath
    case credentialName
    case dateOrDateTime
    case openingHours
    case weekdays
    case onsetExpression
    case jsonPointer
    case regularExpression

    var expectation: String {
        switch self {
        case .text: "text"
        case .identifier: "a name of lowercase letters, digits, '-' and '_' (e.g. cyberday-overload)"
        case .duration: "a duration (e.g. 90s, 15m, 2h, 3d, 1w)"
        case .percentage: "a percentage (e.g. 30%)"
        case .serviceLevel: "a service-level target (e.g. 80% in 20s)"
        case .timeZone: "an IANA time zone (e.g. America/Santiago)"
        case .phone: "an E.164 phone number (e.g. +56912345678)"
        case .locale: "a language code (e.g. es, en)"
        case .template: "a message template"
        case .url: "an http or https URL"
        case .date: "a date YYYY-MM-DD"
        case .dateTime: "a local date and time YYYY-MM-DDTHH:MM"
        case .clockRange: "a range of clock times HH:MM-HH:MM (e.g. 21:00-08:00)"
        case .frequencyCap: "a frequency cap '<count> per <duration>' (e.g. 3 per 7d)"
        case .relativePath: "a file path relative to the plan directory"
        case .credentialName: "a credential name of letters, digits, '.', '-' and '_'"
        case .dateOrDateTime: "a date YYYY-MM-DD or a local date and time YYYY-MM-DDTHH:MM"
        case .openingHours: "'closed' or time ranges such as 09:00-14:00 or 09:00-13:00, 15:00-19:00"
        case .weekdays: "a weekday or a range of weekdays (mon, tue, wed, thu, fri, sat, sun; e.g. mon-fri)"
        case .onsetExpression: "an onset such as 'now', 'now + 10m' or 'now + signal(ups_runtime)'"
        case .jsonPointer: "a JSON pointer such as /data/value"
        case .regularExpression: "a regular expression"
        }
    }

    /// The JSON Schema regular expression for this format, when one is useful.
    var pattern: String? {
        switch self {
        case .identifier: #"^[a-z0-9][a-z0-9_-]*$"#
        case .duration: #"^([0-9]+(\.[0-9]+)?(ms|s|m|h|d|w))+$"#
        case .percentage: #"^[0-9]+(\.[0-9]+)?%$"#
        case .serviceLevel: #"^[0-9]+(\.[0-9]+)?% in ([0-9]+(\.[0-9]+)?(ms|s|m|h|d|w))+$"#
        case .phone: #"^\+[1-9][0-9]{7,14}$"#
        case .locale: #"^[a-z]{2,3}(-[A-Z]{2})?$"#
        case .url: #"^https?://"#
        case .date: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#
        case .dateTime: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$"#
        case .clockRange: #"^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9]$"#
        case .frequencyCap: #"^[0-9]+ per ([0-9]+(\.[0-9]+)?(ms|s|m|h|d|w))+$"#
        case .credentialName: #"^[A-Za-z0-9._-]+$"#
        case .weekdays: #"^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?$"#
        case .jsonPointer: #"^(/([^~]|~[01])*)*$"#
        case .text, .template, .timeZone, .relativePath, .dateOrDateTime, .openingHours, .onsetExpression,
            .regularExpression:
            nil
        }
    }

    /// Whether `text` fits the `pattern` of `.locale`, `.credentialName` or `.jsonPointer`, checked directly:
    /// loading plans needs no regular-expression engine (compiling one per value once dominated loading time,
    /// and an engine's code and Unicode tables stay resident in the daemon; docs/daemon.md, "Memory").
    /// `PatternCheckTests` hold these checks to the patterns.
    func fitsPattern(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        func all(_ range: ArraySlice<Unicode.Scalar>, in sets: [ClosedRange<Unicode.Scalar>], or extra: String = "")
            -> Bool
        {
            range.allSatisfy { scalar in
                sets.contains { $0.contains(scalar) } || extra.unicodeScalars.contains(scalar)
            }
        }
        switch self {
        case .locale:  // ^[a-z]{2,3}(-[A-Z]{2})?$
            let dash = scalars.firstIndex(of: "-") ?? scalars.endIndex
            guard (2...3).contains(dash), all(scalars[..<dash], in: ["a"..."z"]) else { return false }
            return dash == scalars.endIndex
                || (scalars.count - dash == 3 && all(scalars[(dash + 1)...], in: ["A"..."Z"]))
        case .credentialName:  // ^[A-Za-z0-9._-]+$
            return !scalars.isEmpty && all(scalars[...], in: ["A"..."Z", "a"..."z", "0"..."9"], or: "._-")
        case .jsonPointer:  // ^(/([^~]|~[01])*)*$
            guard let first = scalars.first else { return true }
            guard first == "/" else { return false }
            return scalars.indices.allSatisfy { index in
                scalars[index] != "~" || (index + 1 < scalars.count && "01".unicodeScalars.contains(scalars[index + 1]))
            }
        default:
            return false
        }
    }

    /// Checks `text`; returns a message when it does not fit the format.
    func problem(with text: String) -> String? {
        switch self {
        case .text, .template, .relativePath:
            return text.isEmpty ? "empty value: expected \(expectation)" : nil
        case .duration:
            do { _ = try PlanDuration.parse(text) } catch { return error.message }
            return nil
        case .percentage:
            do { _ = try Percentage.parse(text) } catch { return error.message }
            return nil
        case .serviceLevel:
            do { _ = try ServiceLevelTarget.parse(text) } catch { return error.message }
            return nil
        case .timeZone:
            do { _ = try TimeZoneName.resolve(text) } catch { return error.message }
            return nil
        case .phone:
            do { _ = try PhoneNumber.parse(text) } catch { return error.message }
            return nil
        case .date:
            return LocalDate(text) == nil ? "invalid date '\(text)': expected \(expectation)" : nil
        case .dateTime:
            return LocalDateTime(text) == nil ? "invalid date and time '\(text)': expected \(expectation)" : nil
        case .clockRange:
            return ClockRange(text) == nil ? "invalid time range '\(text)': expected \(expectation)" : nil
        case .frequencyCap:
            do { _ = try FrequencyCap.parse(text) } catch { return error.message }
            return nil
        case .url:
            guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme),
                url.host != nil
            else { return "invalid URL '\(text)': expected \(expectation)" }
            return nil
        case .identifier:
            let scalars = text.unicodeScalars
            let valid =
                scalars.first.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) } == true
                && scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
            return valid ? nil : "invalid value '\(text)': expected \(expectation)"
        case .locale, .credentialName, .jsonPointer:
            return fitsPattern(text) ? nil : "invalid value '\(text)': expected \(expectation)"
        case .weekdays:
            return Weekdays(text) == nil ? "invalid weekdays '\(text)': expected \(expectation)" : nil
        case .dateOrDateTime:
            return LocalDate(text) == nil && LocalDateTime(text) == nil
                ? "invalid date '\(text)': expected \(expectation)" : nil
        case .openingHours:
            do { _ = try DailyHours.parse(text) } catch { return error.message }
            return nil
        case .onsetExpression:
            do { _ = try OnsetExpression.parse(text) } catch { return error.message }
            return nil
        case .regularExpression:
            do { _ = try SummaryPattern(text) } catch {
                return "invalid regular expression '\(text)': \(error)"
            }
            return nil
        }
    }
}

/// A calendar that cannot be read or expanded: says what failed, where, and what to do.
public struct CalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Kind: Hashable, Sendable {
        /// The calendar file could not be read.
        case unreadableFile
        /// The iCalendar text is malformed.
        case malformedICS
        /// A TZID or time zone name is not known.
        case unknownTimeZone
        /// A recurrence rule does not parse or can never produce an occurrence.
        case invalidRule
        /// An inline date, range or opening-hours entry is invalid.
        case invalidEntry
        /// The expansion would exceed the work or output limits.
        case limitExceeded
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// The file (or source name) concerned, when known.
    public let source: String?
    /// The 1-based line in `source`, when known.
    public let line: Int?
    /// What failed and what to do about it.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, source: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.message = message
        self.source = source
        self.line = line
    }

    /// `file:line: error: message`, leaving out what is unknown.
    public var description: String {
        let place = [source, line.map(String.init)].compactMap { $0 }.joined(separator: ":")
        return place.isEmpty ? "error: \(message)" : "\(place): error: \(message)"
    }

    /// An unknown time zone name.
    static func unknownTimeZone(_ name: String, source: String?, line: Int?) -> CalendarError {
        CalendarError(
            .unknownTimeZone,
            "unknown time zone '\(name)'; use an IANA name such as 'America/Santiago' or add a VTIMEZONE for it",
            source: source, line: line)
    }

    /// The same error attributed to a source file, keeping any line already known.
    func located(in file: String) -> CalendarError {
        CalendarError(kind, message, source: source ?? file, line: line)
    }
}

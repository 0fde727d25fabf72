import CICal
import Foundation
import Zones

/// A parsed iCalendar text held by libical. Create, use and free it under the libical lock.
final class ICSDocument {
    /// The root component libical returned (a VCALENDAR, or an XROOT holding several).
    let root: OpaquePointer
    /// The unfolded lines, for locating problems.
    let lines: ICSLines
    /// The file or source name used in messages.
    let source: String
    /// Zones looked up so far, by TZID.
    private var zones: [String: ZoneRules] = [:]

    /// Parses text; throws the first structural error, if any. Call under the lock.
    init(text: String, source: String) throws {
        lines = ICSLines(text: text)
        self.source = source
        if let first = lines.structuralErrors(source: source).first { throw first }
        guard let root = icalparser_parse_string(text) else {
            throw CalendarError(.malformedICS, "libical could not parse the calendar", source: source)
        }
        self.root = root
    }

    deinit { icalcomponent_free(root) }

    /// libical's complaints (X-LIC-ERROR properties), located by line where the offending text is found.
    func parseErrors() -> [CalendarError] {
        components(of: root).flatMap { component in
            properties(of: component, kind: ICAL_XLICERROR_PROPERTY).map { property in
                let text = icalproperty_get_xlicerror(property).map { String(cString: $0) } ?? "unknown error"
                let fragment = text.components(separatedBy: ": ").last ?? ""
                return CalendarError(.malformedICS, text, source: source, line: lines.firstLine(containing: fragment))
            }
        }
    }

    /// Every VEVENT in the document.
    func events() -> [OpaquePointer] {
        components(of: root).filter { icalcomponent_isa($0) == ICAL_VEVENT_COMPONENT }
    }

    /// The rules of a TZID: the file's own VTIMEZONE first, else an IANA zone of that name.
    func zone(for tzid: String) throws -> ZoneRules {
        if let known = zones[tzid] { return known }
        let rules: ZoneRules
        if let calendar = calendars().first(where: { icalcomponent_get_timezone($0, tzid) != nil }),
            let definition = icalcomponent_get_timezone(calendar, tzid)
        {
            rules = ZoneRules(identifier: tzid) { seconds in
                var time = icaltime_from_timet_with_zone(time_t(seconds), 0, icaltimezone_get_utc_timezone())
                var isDaylight: Int32 = 0
                return Int(icaltimezone_get_utc_offset_of_utc_time(definition, &time, &isDaylight))
            }
        } else if let zone = Zone(identifier: tzid) {
            rules = ZoneRules(zone: zone)
        } else {
            throw CalendarError.unknownTimeZone(tzid, source: source, line: lines.firstLine(containing: "TZID=\(tzid)"))
        }
        zones[tzid] = rules
        return rules
    }

    private func calendars() -> [OpaquePointer] {
        icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT
            ? [root] : children(of: root).filter { icalcomponent_isa($0) == ICAL_VCALENDAR_COMPONENT }
    }

    private func components(of component: OpaquePointer) -> [OpaquePointer] {
        [component] + children(of: component).flatMap { components(of: $0) }
    }

    private func children(of component: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT)
        while let current = child {
            result.append(current)
            child = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)
        }
        return result
    }

    /// The properties of one kind directly inside a component.
    func properties(of component: OpaquePointer, kind: icalproperty_kind) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var property = icalcomponent_get_first_property(component, kind)
        while let current = property {
            result.append(current)
            property = icalcomponent_get_next_property(component, kind)
        }
        return result
    }
}

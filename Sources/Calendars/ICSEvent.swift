import CICal
import Foundation

/// One VEVENT read out of libical into Swift values, with its times tied to zone rules.
struct ICSEvent {
    /// A DATE or DATE-TIME value and the zone it is read in.
    struct Time {
        /// The wall-clock reading (midnight for a DATE).
        var local: LocalDateTime
        /// Whether it is a DATE value.
        var isDate: Bool
        /// The rules of its zone (UTC for `Z` values, the calendar's zone for floating ones).
        var zone: ZoneRules

        /// The instant it denotes.
        var instant: Date { zone.date(of: local) }
    }

    /// SUMMARY, or "(no summary)".
    var summary: String
    /// UID, when present.
    var uid: String?
    /// DTSTART.
    var start: Time
    /// DTEND, when present.
    var end: Time?
    /// DURATION, when present.
    var duration: icaldurationtype?
    /// RRULE values.
    var rules: [icalrecurrencetype]
    /// RDATE values (the start of a PERIOD).
    var extraStarts: [Time]
    /// EXDATE values.
    var exclusions: [Time]
    /// RECURRENCE-ID, for an event that replaces one instance of a series.
    var recurrenceID: Time?
    /// Whether STATUS is CANCELLED.
    var isCancelled: Bool

    /// Reads a VEVENT. Call under the lock.
    init(_ event: OpaquePointer, document: ICSDocument, floatingZone: ZoneRules) throws {
        func text(_ kind: icalproperty_kind, _ read: (OpaquePointer) -> UnsafePointer<CChar>?) -> String? {
            document.properties(of: event, kind: kind).first.flatMap(read).map { String(cString: $0) }
        }
        summary = text(ICAL_SUMMARY_PROPERTY, icalproperty_get_summary) ?? "(no summary)"
        uid = text(ICAL_UID_PROPERTY, icalproperty_get_uid)
        let times = { (kind: icalproperty_kind, read: (OpaquePointer) -> icaltimetype) throws -> [Time] in
            try document.properties(of: event, kind: kind).map {
                try Self.time(read($0), property: $0, document: document, floatingZone: floatingZone)
            }
        }
        guard let start = try times(ICAL_DTSTART_PROPERTY, icalproperty_get_dtstart).first else {
            let place = uid.flatMap { document.lines.firstLine(containing: "UID:\($0)") }
            throw CalendarError(
                .malformedICS, "event '\(summary)' has no valid DTSTART; add one such as 'DTSTART:20260918'",
                source: document.source, line: place)
        }
        self.start = start
        end = try times(ICAL_DTEND_PROPERTY, icalproperty_get_dtend).first
        duration = document.properties(of: event, kind: ICAL_DURATION_PROPERTY).first.map(icalproperty_get_duration)
        rules = document.properties(of: event, kind: ICAL_RRULE_PROPERTY).map(icalproperty_get_rrule)
        extraStarts = try times(ICAL_RDATE_PROPERTY) { property in
            let value = icalproperty_get_rdate(property)
            return icaltime_is_null_time(value.time) == 0 ? value.time : value.period.start
        }
        exclusions = try times(ICAL_EXDATE_PROPERTY, icalproperty_get_exdate)
        recurrenceID = try times(ICAL_RECURRENCEID_PROPERTY, icalproperty_get_recurrenceid).first
        isCancelled =
            document.properties(of: event, kind: ICAL_STATUS_PROPERTY).first.map {
                icalproperty_get_status($0) == ICAL_STATUS_CANCELLED
            } ?? false
    }

    private static func time(
        _ value: icaltimetype, property: OpaquePointer, document: ICSDocument, floatingZone: ZoneRules
    ) throws -> Time {
        let zone: ZoneRules
        if icaltime_is_utc(value) != 0 {
            zone = ZoneRules(identifier: "UTC") { _ in 0 }
        } else if value.is_date == 0,
            let parameter = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER),
            let tzid = icalparameter_get_tzid(parameter)
        {
            zone = try document.zone(for: String(cString: tzid))
        } else {
            zone = floatingZone
        }
        return Time(local: value.localDateTime, isDate: value.is_date != 0, zone: zone)
    }
}

import CICal

/// Known events from inline dates, RRULEs and iCalendar files, and opening hours, in IANA time zones.
public enum CalendarsModule {
    /// The version of libical this build links.
    public static var libicalVersion: String { ICAL_VERSION }
}

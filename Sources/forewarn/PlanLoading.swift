import Calendars
import Plans

/// The one loader configuration that `check`, `run` and every other command share.
enum PlanLoading {
    /// A loader with every check the lower layers provide: calendars (libical) and, once delivery lands, SMS.
    static func makeLoader() -> PlanLoader {
        var loader = PlanLoader()
        loader.extraChecks.append { set in EventCalendar.diagnostics(for: set) }
        return loader
    }
}

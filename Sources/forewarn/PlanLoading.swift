import Calendars
import Delivery
import Plans

/// The one loader configuration that `check`, `run` and every other command share.
enum PlanLoading {
    /// A loader with every check the lower layers provide: calendars (libical) and SMS measures (delivery).
    static func makeLoader() -> PlanLoader {
        var loader = PlanLoader()
        loader.extraChecks.append { set in EventCalendar.diagnostics(for: set) }
        loader.measureSMS = { text, transliterate in
            let analysis = SMSAnalysis(text: transliterate ? SMSTransliteration.apply(to: text) : text)
            return SMSMeasure(encoding: analysis.encoding == .gsm7 ? "GSM-7" : "UCS-2", segments: analysis.segments)
        }
        return loader
    }
}

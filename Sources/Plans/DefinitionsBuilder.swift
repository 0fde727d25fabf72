import CSV
import Foundation
import Yams
import Zones

/// Builds shared definitions (signals, receivers, audiences, calendars, policies) from checked files.
struct DefinitionsBuilder {
    let directory: URL
    let displayDirectory: String
    var sink: DiagnosticSink

    func signal(name: String, _ reader: NodeReader) -> SignalDefinition {
        let source: SignalDefinition.Source
        switch reader.string("kind") ?? "" {
        case "prometheus":
            source = .prometheus(url: reader.string("url") ?? "", query: reader.string("query") ?? "")
        case "http-json":
            source = .httpJSON(
                url: reader.string("url") ?? "", pointer: reader.string("pointer") ?? "",
                headers: reader["headers"]?.headers ?? [:])
        case "nut":
            source = .nut(
                host: reader.string("host") ?? "127.0.0.1", port: reader.int("port") ?? 3493,
                ups: reader.string("ups") ?? "", variable: reader.string("variable") ?? "")
        case "file":
            source = .file(path: reader.string("path") ?? "")
        case "command":
            source = .command(
                arguments: reader["command"]?.list.compactMap(\.string) ?? [], useShell: reader.bool("shell") ?? false)
        default:
            source = .push
        }
        let interval = reader.duration("interval") ?? PlanDuration(seconds: 30)
        let bounds = reader["range"]?.list.compactMap(\.double) ?? []
        return SignalDefinition(
            name: name, source: source, interval: interval,
            timeout: reader.duration("timeout") ?? PlanDuration(seconds: 10), unit: reader.string("unit"),
            validRange: bounds.count == 2 && bounds[0] <= bounds[1] ? bounds[0]...bounds[1] : nil,
            season: reader.duration("season"),
            staleAfter: reader.duration("stale_after") ?? PlanDuration(seconds: interval.seconds * 3),
            location: reader.location)
    }

    func receiver(name: String, _ reader: NodeReader) -> ReceiverDefinition {
        let url = reader.string("url") ?? ""
        let missing = CredentialReference(name: "", prefix: "", location: reader.location)
        let kind: ReceiverDefinition.Kind
        switch reader.string("kind") ?? "" {
        case "kannel":
            kind = .kannel(
                url: url, username: reader.string("username") ?? "",
                password: reader["password"]?.credential ?? missing,
                from: reader.string("from"), smsc: reader.string("smsc"), deliveryReportURL: reader.string("dlr_url"))
        case "twilio-form":
            kind = .twilioForm(
                url: url, account: reader.string("account") ?? "",
                authToken: reader["auth_token"]?.credential ?? missing,
                from: reader.string("from") ?? "", statusCallback: reader.string("status_callback"))
        case "form":
            kind = .form(
                url: url, method: reader.string("method") ?? "POST", fields: reader["fields"]?.stringDictionary ?? [:],
                auth: reader["auth"]?.credential)
        default:
            kind = .webhook(
                url: url, secret: reader["secret"]?.credential, body: reader.string("body"),
                headers: reader["headers"]?.headers ?? [:])
        }
        let defaultRetry = [5.0, 300, 1_800, 7_200, 18_000, 36_000, 36_000].map(PlanDuration.init(seconds:))
        return ReceiverDefinition(
            name: name, kind: kind, concurrency: reader.int("concurrency") ?? 4, rate: reader.double("rate"),
            timeout: reader.duration("timeout") ?? PlanDuration(seconds: 30),
            connectTimeout: reader.duration("connect_timeout") ?? PlanDuration(seconds: 5),
            retrySchedule: reader["retry"]?.list.compactMap(\.duration) ?? defaultRetry,
            fallback: reader.string("fallback"), location: reader.location)
    }

    func calendar(name: String, _ reader: NodeReader) -> CalendarDefinition {
        func moment(_ text: String?) -> CalendarEventDefinition.Moment? {
            guard let text else { return nil }
            if let date = LocalDate(text) { return .date(date) }
            return LocalDateTime(text).map { .dateTime($0) }
        }
        let events = (reader["events"]?.list ?? []).compactMap { event -> CalendarEventDefinition? in
            guard let start = moment(event.string("date") ?? event.string("start")) else { return nil }
            return CalendarEventDefinition(
                summary: event.string("summary") ?? "", start: start, end: moment(event.string("end")),
                duration: event.duration("duration"), recurrenceRule: event.string("rrule"), location: event.location)
        }
        let files = (reader["ics"]?.list ?? []).compactMap { item in
            item.string.map { (url: resolve($0), path: $0, shown: display($0), location: item.location) }
        }
        return CalendarDefinition(
            name: name, timeZone: reader.string("timezone").flatMap(Zone.init(identifier:)), events: events,
            icsFiles: files, location: reader.location)
    }

    func policies(_ reader: NodeReader) -> Policies {
        var policies = Policies()
        if let locales = reader["locales"]?.list.compactMap(\.string) { policies.locales = locales }
        if let locale = reader.string("default_locale") { policies.defaultLocale = locale }
        if let quiet = reader.string("quiet_hours").flatMap(ClockRange.init) { policies.quietHours = quiet }
        if let cap = reader.string("frequency_cap").flatMap({ try? FrequencyCap.parse($0) }) {
            policies.frequencyCap = cap
        }
        policies.ownerReceiver = reader.string("owner_via")
        if let tick = reader.duration("tick") { policies.tick = tick }
        policies.vars = reader["vars"]?.stringDictionary ?? [:]
        policies.location = reader.location
        return policies
    }

    func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
    }

    func display(_ path: String) -> String {
        path.hasPrefix("/") ? path : (displayDirectory as NSString).appendingPathComponent(path)
    }
}

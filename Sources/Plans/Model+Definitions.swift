import Foundation
import Zones

/// A secret named in a plan file and looked up at run time.
public struct CredentialReference: Sendable, Hashable {
    /// The credential's name: `$CREDENTIALS_DIRECTORY/NAME`, else the environment.
    public var name: String
    /// Text put before the secret (e.g. `Bearer `).
    public var prefix: String
    public var location: SourceLocation

    /// The environment variable consulted when no credentials directory has the name: `FOREWARN_` + NAME in capitals.
    public var environmentVariable: String {
        "FOREWARN_" + name.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }

    /// Reads the secret from `$CREDENTIALS_DIRECTORY/NAME` or the environment; nil when neither has it.
    public func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let directory = environment["CREDENTIALS_DIRECTORY"],
            let data = FileManager.default.contents(atPath: directory + "/" + name),
            let text = String(data: data, encoding: .utf8)
        {
            return prefix + text.trimmingCharacters(in: .newlines)
        }
        return environment[environmentVariable].map { prefix + $0 }
    }
}

/// A header value: plain text or a secret.
public enum HeaderValue: Sendable, Hashable {
    case text(String)
    case credential(CredentialReference)
}

/// A named load signal and where it comes from.
public struct SignalDefinition: Sendable {
    /// Where samples come from.
    public enum Source: Sendable, Hashable {
        case prometheus(url: String, query: String)
        case httpJSON(url: String, pointer: String, headers: [String: HeaderValue])
        case nut(host: String, port: Int, ups: String, variable: String)
        case file(path: String)
        case command(arguments: [String], useShell: Bool)
        case push
    }

    public var name: String
    public var source: Source
    public var interval: PlanDuration
    public var timeout: PlanDuration
    public var unit: String?
    public var validRange: ClosedRange<Double>?
    public var season: PlanDuration?
    public var staleAfter: PlanDuration
    public var location: SourceLocation
}

/// A named delivery endpoint.
public struct ReceiverDefinition: Sendable {
    /// The endpoint's protocol and settings.
    public enum Kind: Sendable, Hashable {
        case webhook(url: String, secret: CredentialReference?, body: String?, headers: [String: HeaderValue])
        case kannel(
            url: String, username: String, password: CredentialReference, from: String?, smsc: String?,
            deliveryReportURL: String?)
        case twilioForm(
            url: String, account: String, authToken: CredentialReference, from: String, statusCallback: String?)
        case form(url: String, method: String, fields: [String: String], auth: CredentialReference?)

        /// Whether the receiver sends SMS (recipients need phone numbers, texts are measured in segments).
        public var isSMS: Bool {
            if case .webhook = self { return false }
            return true
        }

        /// The channel its addresses belong to: `webhook`, or `SMS` (a phone number) for the gateways.
        public var channel: String {
            if case .webhook = self { "webhook" } else { "SMS" }
        }

        /// The kind as written in plan files.
        public var name: String {
            switch self {
            case .webhook: "webhook"
            case .kannel: "kannel"
            case .twilioForm: "twilio-form"
            case .form: "form"
            }
        }
    }

    public var name: String
    public var kind: Kind
    public var concurrency: Int
    /// Most requests per second; nil is unlimited.
    public var rate: Double?
    public var timeout: PlanDuration
    public var connectTimeout: PlanDuration
    public var retrySchedule: [PlanDuration]
    public var fallback: String?
    public var location: SourceLocation

    /// The credentials this receiver needs at run time.
    public var credentials: [CredentialReference] {
        switch kind {
        case .webhook(_, let secret, _, let headers):
            return [secret].compactMap { $0 }
                + headers.values.compactMap { if case .credential(let c) = $0 { c } else { nil } }
        case .kannel(_, _, let password, _, _, _): return [password]
        case .twilioForm(_, _, let token, _, _): return [token]
        case .form(_, _, _, let auth): return [auth].compactMap { $0 }
        }
    }
}

/// One person or system to tell.
public struct Recipient: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var phone: String?
    public var address: String?
    public var locale: String
    /// The recipient's zone; nil means the zone of the plan that tells them.
    public var timeZone: String?
    public var hasConsent: Bool
    public var location: SourceLocation
}

/// A named list of recipients and the policies that protect them.
public struct AudienceDefinition: Sendable {
    /// Customers get every protection; staff may receive urgent alerts in quiet hours.
    public enum Kind: String, Sendable { case customers, staff }

    public var name: String
    public var kind: Kind
    public var recipients: [Recipient]
    public var quietHours: ClockRange
    public var frequencyCap: FrequencyCap
    public var transliterate: Bool
    public var maxSegments: Int
    public var location: SourceLocation
}

/// One inline calendar event.
public struct CalendarEventDefinition: Sendable {
    /// A start or end: a whole local date or a local date-time.
    public enum Moment: Sendable, Hashable {
        case date(LocalDate)
        case dateTime(LocalDateTime)
    }

    public var summary: String
    public var start: Moment
    public var end: Moment?
    public var duration: PlanDuration?
    public var recurrenceRule: String?
    public var location: SourceLocation
}

/// A named set of known events.
public struct CalendarDefinition: Sendable {
    public var name: String
    /// The zone dates are read in; nil means each plan's own zone.
    public var timeZone: Zone?
    public var events: [CalendarEventDefinition]
    /// iCalendar files, resolved against the plan directory, with where each is named.
    public var icsFiles: [(url: URL, path: String, shown: String, location: SourceLocation)]
    public var location: SourceLocation
}

/// Directory-wide defaults.
public struct Policies: Sendable {
    public var locales: [String] = ["es", "en"]
    public var defaultLocale = "es"
    public var quietHours = ClockRange("21:00-08:00")!
    public var frequencyCap = FrequencyCap(count: 3, window: PlanDuration(seconds: 7 * 86_400))
    public var ownerReceiver: String?
    public var tick = PlanDuration(seconds: 30)
    public var vars: [String: String] = [:]
    public var location: SourceLocation?
}

/// Shared definitions: signals, receivers, audiences, calendars and policies, in any YAML file of the directory.
extension PlanLanguage {
    static var definitions: ObjectShape {
        ObjectShape(
            title: "definitions file", summary: "Shared definitions used by the plans of this directory.",
            fields: [
                .optional("signals", .dictionary(key: .identifier, value: signal), "Load signals by name."),
                .optional("receivers", .dictionary(key: .identifier, value: receiver), "Delivery endpoints by name."),
                .optional(
                    "audiences", .dictionary(key: .identifier, value: .object(audience)), "Recipient lists by name."),
                .optional(
                    "calendars", .dictionary(key: .identifier, value: .object(calendar)), "Known events by name."),
                .optional("policies", .object(policies), "Directory-wide defaults."),
            ], selectors: sectionNames)
    }

    // MARK: Signals

    static var signalCommon: [Field] {
        [
            .optional("description", .scalar(.text), "Notes for operators."),
            .optional("interval", .scalar(.duration), "How often to poll (default 30s)."),
            .optional("timeout", .scalar(.duration), "How long one poll may take (default 10s)."),
            .optional("unit", .scalar(.text), "The unit of the values, for messages (e.g. rps, %, s)."),
            .optional(
                "range", .list(.number(), minimumCount: 2), "Valid range [min, max]: samples outside are rejected."),
            .optional(
                "season", .scalar(.duration), "Season of the series for forecasts (e.g. 1d, 7d; detected when absent)."),
            .optional(
                "stale_after", .scalar(.duration),
                "No good sample for this long marks the signal stale (default 3 intervals)."),
        ]
    }

    static func signalKind(_ kind: String, _ summary: String, _ fields: [Field]) -> (kind: String, shape: ObjectShape) {
        (
            kind,
            ObjectShape(
                title: "\(kind) signal", summary: summary,
                fields: [.required("kind", .choice([kind]), "The source kind.")] + fields + signalCommon)
        )
    }

    static var signal: Shape {
        .kinds(
            title: "signal",
            [
                signalKind(
                    "prometheus", "An instant PromQL query.",
                    [
                        .required("url", .scalar(.url), "Base URL of the Prometheus server."),
                        .required("query", .scalar(.text), "The PromQL expression; must return one sample."),
                    ]),
                signalKind(
                    "http-json", "A number inside a JSON document.",
                    [
                        .required("url", .scalar(.url), "The URL to GET."),
                        .required("pointer", .scalar(.jsonPointer), "JSON pointer to the value, e.g. /data/queue."),
                        .optional(
                            "headers", .dictionary(key: .text, value: .either([.scalar(.text), .secret])),
                            "Request headers; a secret as {credential: NAME, prefix: 'Bearer '}."),
                    ]),
                signalKind(
                    "nut", "A variable of a UPS served by NUT's upsd.",
                    [
                        .optional("host", .scalar(.text), "upsd host (default 127.0.0.1)."),
                        .optional("port", .integer(minimum: 1, maximum: 65_535), "upsd port (default 3493)."),
                        .required("ups", .scalar(.text), "The UPS name in upsd."),
                        .required("variable", .scalar(.text), "e.g. ups.status, battery.charge, battery.runtime."),
                    ]),
                signalKind(
                    "file", "A number, or the first line, of a file.",
                    [
                        .required("path", .scalar(.text), "Absolute path of the file.")
                    ]),
                signalKind(
                    "command", "The output of a command.",
                    [
                        .required(
                            "command", .list(.scalar(.text), minimumCount: 1),
                            "argv; run without a shell unless shell is true."),
                        .optional("shell", .boolean, "Run through /bin/sh -c (default false)."),
                    ]),
                signalKind("push", "Samples pushed to the HTTP API.", []),
            ])
    }

    // MARK: Receivers

    static var receiverCommon: [Field] {
        [
            .optional("description", .scalar(.text), "Notes for operators."),
            .optional("concurrency", .integer(minimum: 1, maximum: 1_000), "Requests in flight at once (default 4)."),
            .optional("rate", .number(minimum: 0), "Most requests per second (default unlimited)."),
            .optional("timeout", .scalar(.duration), "Total time of one request (default 30s)."),
            .optional("connect_timeout", .scalar(.duration), "Time to connect (default 5s)."),
            .optional(
                "retry", .list(.scalar(.duration), minimumCount: 1),
                "Delays between attempts (default 5s, 5m, 30m, 2h, 5h, 10h, 10h)."),
            .optional("fallback", .scalar(.identifier), "Receiver to try when this one gives up."),
        ]
    }

    static func receiverKind(_ kind: String, _ summary: String, _ fields: [Field]) -> (kind: String, shape: ObjectShape)
    {
        (
            kind,
            ObjectShape(
                title: "\(kind) receiver", summary: summary,
                fields: [.required("kind", .choice([kind]), "The receiver kind.")] + fields + receiverCommon)
        )
    }

    static var receiver: Shape {
        .kinds(
            title: "receiver",
            [
                receiverKind(
                    "webhook", "JSON POST signed with Standard Webhooks.",
                    [
                        .required("url", .scalar(.url), "Where to POST."),
                        .optional("secret", .secret, "Signing secret (whsec_...), as {credential: NAME}."),
                        .optional(
                            "body", .scalar(.template),
                            "A template for the body instead of the {type, timestamp, data} envelope."),
                        .optional(
                            "headers", .dictionary(key: .text, value: .either([.scalar(.text), .secret])),
                            "Extra headers."),
                    ]),
                receiverKind(
                    "kannel", "Kannel's sendsms interface.",
                    [
                        .required(
                            "url", .scalar(.url), "The sendsms URL, e.g. http://127.0.0.1:13013/cgi-bin/sendsms."),
                        .required("username", .scalar(.text), "sendsms user."),
                        .required("password", .secret, "sendsms password, as {credential: NAME}."),
                        .optional("from", .scalar(.text), "Sender id or number."),
                        .optional("smsc", .scalar(.text), "Route through this SMSC id."),
                        .optional("dlr_url", .scalar(.url), "Base URL of this daemon for delivery reports."),
                    ]),
                receiverKind(
                    "twilio-form", "A Twilio-style form API (To, From, Body, Basic auth).",
                    [
                        .required("url", .scalar(.url), "The Messages endpoint."),
                        .required("account", .scalar(.text), "Basic-auth user (account id)."),
                        .required("auth_token", .secret, "Basic-auth password, as {credential: NAME}."),
                        .required("from", .scalar(.text), "Sender number or id."),
                        .optional("status_callback", .scalar(.url), "URL the provider calls with delivery status."),
                    ]),
                receiverKind(
                    "form", "A generic form POST (or GET) SMS API.",
                    [
                        .required("url", .scalar(.url), "The endpoint."),
                        .optional("method", .choice(["POST", "GET"]), "HTTP method (default POST)."),
                        .required(
                            "fields", .dictionary(key: .text, value: .scalar(.template)),
                            "Form fields; templates see to, text, notice_id."),
                        .optional("auth", .secret, "Bearer token, as {credential: NAME}."),
                    ]),
            ])
    }

    // MARK: Audiences

    static var recipient: ObjectShape {
        ObjectShape(
            title: "recipient", summary: "One person or system to tell.",
            fields: [
                .required("id", .scalar(.identifier), "Unique within the audience."),
                .optional("name", .scalar(.text), "For messages ({{recipient}})."),
                .optional("phone", .scalar(.phone), "E.164 number for SMS receivers."),
                .optional("address", .scalar(.text), "Address for other receivers (e-mail, chat id, URL)."),
                .optional("locale", .scalar(.locale), "Language of their messages (default: the audience's)."),
                .optional("timezone", .scalar(.timeZone), "Their zone, for quiet hours (default: the audience's)."),
                .optional("consent", .boolean, "Agreed to be contacted (customers default false, staff true)."),
            ])
    }

    static var audience: ObjectShape {
        ObjectShape(
            title: "audience", summary: "A list of recipients with the policies that protect them.",
            fields: [
                .optional("description", .scalar(.text), "Notes for operators."),
                .optional(
                    "kind", .choice(["customers", "staff"]),
                    "Customers get every protection; staff may get urgent alerts (default customers)."),
                .required(
                    "recipients", .either([.scalar(.relativePath), .list(.object(recipient), minimumCount: 1)]),
                    "A CSV or YAML file, or an inline list."),
                .optional(
                    "locale", .scalar(.locale), "Default locale of recipients (default: policies.default_locale)."),
                .optional("timezone", .scalar(.timeZone), "Default zone of recipients (default: the plan's)."),
                .optional(
                    "quiet_hours", .scalar(.clockRange), "Local hours with no contact (default policies.quiet_hours)."),
                .optional(
                    "frequency_cap", .scalar(.frequencyCap),
                    "At most this many notices per recipient (default policies.frequency_cap)."),
                .optional("transliterate", .boolean, "Replace á with a (keeping ñ) so SMS stay GSM-7 (default false)."),
                .optional(
                    "max_segments", .integer(minimum: 1, maximum: 10),
                    "Warn when an SMS needs more segments (default 2)."),
            ])
    }

    // MARK: Calendars

    static var calendarEvent: ObjectShape {
        ObjectShape(
            title: "calendar event", summary: "A date, a range, or a recurring rule.",
            fields: [
                .required("summary", .scalar(.text), "What the event is (matched by plans' event.match)."),
                .optional("date", .scalar(.date), "An all-day event on this date."),
                .optional("start", .scalar(.dateOrDateTime), "Start: a date (all-day) or a local date-time."),
                .optional(
                    "end", .scalar(.dateOrDateTime),
                    "End: a date (inclusive, all-day) or a local date-time (exclusive)."),
                .optional("duration", .scalar(.duration), "Length when there is no end (default 1d for dates)."),
                .optional(
                    "rrule", .scalar(.text),
                    "An RFC 5545 RRULE repeating from start, e.g. FREQ=YEARLY;BYMONTH=11;BYDAY=-1FR."),
            ], exactlyOne: [["date", "start"]], atMostOne: [["end", "duration"], ["date", "rrule"]])
    }

    static var calendar: ObjectShape {
        ObjectShape(
            title: "calendar", summary: "Known events: inline dates, RRULEs and .ics files.",
            fields: [
                .optional("description", .scalar(.text), "Notes for operators."),
                .optional("timezone", .scalar(.timeZone), "Zone the dates are read in (default: the plan's)."),
                .optional("events", .list(.object(calendarEvent), minimumCount: 1), "Inline events."),
                .optional(
                    "ics", .list(.scalar(.relativePath), minimumCount: 1), "iCalendar files relative to the directory."),
            ])
    }

    // MARK: Policies

    static var policies: ObjectShape {
        ObjectShape(
            title: "policies", summary: "Defaults for every plan and audience of the directory.",
            fields: [
                .optional(
                    "locales", .list(.scalar(.locale), minimumCount: 1),
                    "Locales every message must have (default [es, en])."),
                .optional("default_locale", .scalar(.locale), "Locale of recipients that name none (default es)."),
                .optional(
                    "quiet_hours", .scalar(.clockRange),
                    "No customer contact in these local hours (default 21:00-08:00)."),
                .optional("frequency_cap", .scalar(.frequencyCap), "Default cap per recipient (default 3 per 7d)."),
                .optional(
                    "owner_via", .scalar(.identifier),
                    "Receiver that alerts plan owners about failures and stale signals."),
                .optional("tick", .scalar(.duration), "How often plans are evaluated (default 30s)."),
                .optional(
                    "vars", .dictionary(key: .identifier, value: .scalar(.text)),
                    "Values every template can use, e.g. brand, link."),
            ])
    }
}

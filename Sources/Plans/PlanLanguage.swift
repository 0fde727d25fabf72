/// The plan language, written once as shapes: the strict decoder checks files against these and
/// `forewarn schema` prints them as JSON Schema. The reference in docs/plans.md follows this file.
enum PlanLanguage {
    /// A file is a plan (it has `plan:`) or a definitions file (signals, receivers, ...).
    /// Built once: shapes are immutable descriptions.
    nonisolated(unsafe) static let file: Shape = .variants(title: "plan or definitions file", [plan, definitions])

    static let sectionNames = ["signals", "receivers", "audiences", "calendars", "policies"]

    // MARK: Plans

    static var plan: ObjectShape {
        ObjectShape(
            title: "plan", summary: "One contingency: how it is foreseen, what to do about it, who owns it.",
            fields: [
                .required("plan", .scalar(.identifier), "The plan's id, unique across the directory."),
                .required("title", .scalar(.text), "A short human title."),
                .optional("description", .scalar(.text), "Longer notes for operators."),
                .required(
                    "owner", .scalar(.identifier), "The staff recipient who answers for this plan; gets its failures."),
                .required("timezone", .scalar(.timeZone), "IANA zone the plan's dates and hours are read in."),
                .optional("enabled", .boolean, "false keeps the plan loaded but inactive (default true)."),
                .required("foresee", trigger(depth: 3), "How the contingency is foreseen."),
                .required("actions", .list(action, minimumCount: 1), "What to do about each occurrence."),
                .optional(
                    "hours", .object(hours),
                    "Opening hours, for holiday-hours plans (available to messages as {{hours}})."),
                .optional("drill", .object(drill), "Where `forewarn drill` sends this plan's notices."),
                .optional(
                    "vars", .dictionary(key: .identifier, value: .scalar(.text)),
                    "Values for message templates, e.g. link."),
            ])
    }

    static func trigger(depth: Int) -> Shape {
        var variants = [eventTrigger, forecastTrigger, stateTrigger]
        if depth > 0 {
            for combinator in ["any", "all"] {
                let summary = combinator == "any" ? "Foreseen when any of these is." : "Foreseen when all of these are."
                variants.append(
                    ObjectShape(
                        title: "\(combinator) trigger", summary: summary,
                        fields: [.required(combinator, .list(trigger(depth: depth - 1), minimumCount: 1), summary)]))
            }
        }
        return .variants(title: "trigger", variants)
    }

    static var eventTrigger: ObjectShape {
        ObjectShape(
            title: "event trigger", summary: "A known event from a calendar.",
            fields: [
                .required(
                    "event",
                    .object(
                        ObjectShape(
                            title: "event", summary: "Which calendar events are this contingency.",
                            fields: [
                                .required("calendar", .scalar(.identifier), "The calendar to watch."),
                                .optional(
                                    "match", .scalar(.regularExpression),
                                    "Only events whose summary matches (case-insensitive regular expression)."),
                            ])), "Which calendar events are this contingency."),
                .optional(
                    "expect",
                    .object(
                        ObjectShape(
                            title: "expectation", summary: "Expected load = forecast × uplift, compared with capacity.",
                            fields: [
                                .required("signal", .scalar(.identifier), "The load signal to forecast for the event."),
                                .optional(
                                    "uplift", .number(minimum: 0),
                                    "Factor applied to the forecast for the event (default 1)."),
                                .optional(
                                    "above", .number(), "A contingency only if expected load exceeds this capacity."),
                                .optional("below", .number(), "A contingency only if expected load falls below this."),
                            ], exactlyOne: [["above", "below"]])),
                    "Only a contingency if the expected load crosses capacity."),
            ])
    }

    static var forecastTrigger: ObjectShape {
        ObjectShape(
            title: "forecast trigger", summary: "A signal forecast to cross a threshold within a horizon.",
            fields: [
                .required(
                    "forecast",
                    .object(
                        ObjectShape(
                            title: "forecast", summary: "A threshold crossing foreseen by the signal's forecast.",
                            fields: [
                                .required("signal", .scalar(.identifier), "The signal to forecast."),
                                .optional("above", .number(), "Foreseen when the forecast rises above this."),
                                .optional("below", .number(), "Foreseen when the forecast falls below this."),
                                .required("within", .scalar(.duration), "How far ahead to look."),
                                .optional(
                                    "confidence", .number(minimum: 0.5, maximum: 0.999),
                                    "Required probability of the crossing (default 0.8)."),
                                .optional(
                                    "for", .scalar(.duration),
                                    "How long the prediction must hold before it counts (default 0s)."),
                            ], exactlyOne: [["above", "below"]])),
                    "A threshold crossing foreseen by the signal's forecast.")
            ])
    }

    static var stateTrigger: ObjectShape {
        ObjectShape(
            title: "state trigger", summary: "A signal in a state now, with an onset computed from it.",
            fields: [
                .required(
                    "state",
                    .object(
                        ObjectShape(
                            title: "state", summary: "A condition on a signal's current value.",
                            fields: [
                                .required("signal", .scalar(.identifier), "The signal to watch."),
                                .optional(
                                    "contains", .scalar(.text),
                                    "Text state contains this word (e.g. OB for a UPS on battery)."),
                                .optional("equals", .scalar(.text), "Text state equals this."),
                                .optional("above", .number(), "Numeric value above this."),
                                .optional("below", .number(), "Numeric value below this."),
                                .optional("for", .scalar(.duration), "How long the condition must hold (default 0s)."),
                            ], exactlyOne: [["contains", "equals", "above", "below"]])),
                    "A condition on a signal's current value."),
                .optional(
                    "onset", .scalar(.onsetExpression),
                    "When the contingency hits, e.g. now + signal(ups_runtime) (default now)."),
            ])
    }

    static var stepFields: [Field] {
        [
            .optional(
                "before", .list(.scalar(.duration), minimumCount: 1),
                "Leads before the onset at which to act, e.g. [3d, 1d, 2h]."),
            .optional("at_start", .boolean, "Also act when the occurrence starts."),
            .optional("at_end", .boolean, "Also act when the occurrence ends."),
            .optional("on_cancel", .boolean, "Tell everyone already told when the occurrence is called off."),
        ]
    }

    static var localized: Shape {
        .dictionary(key: .locale, value: .scalar(.template))
    }

    static var messageFields: [Field] {
        [
            .required("message", localized, "The message per locale (es, en, ...), a Mustache template."),
            .optional("start_message", localized, "Message at start (default: message)."),
            .optional("end_message", localized, "Message at end (default: message)."),
            .optional("cancel_message", localized, "All-clear message when called off; required with on_cancel."),
        ]
    }

    static var action: Shape {
        .variants(title: "action", [notifyAction, staffAction, webhookAction])
    }

    static var notifyAction: ObjectShape {
        ObjectShape(
            title: "notify action", summary: "Send a notice to every recipient of an audience.",
            fields: [
                .required("notify", .scalar(.identifier), "The audience to tell."),
                .required("via", .scalar(.identifier), "The receiver that delivers the notices."),
            ] + stepFields + messageFields + [
                .optional("urgent", .boolean, "Staff alerts only: bypass quiet hours.")
            ])
    }

    static var staffAction: ObjectShape {
        ObjectShape(
            title: "staff action", summary: "An Erlang C staffing alert: sent only when scheduled staff fall short.",
            fields: [
                .required("staff", .scalar(.identifier), "The staff audience to alert (managers)."),
                .required("via", .scalar(.identifier), "The receiver that delivers the alert."),
            ] + stepFields + messageFields + [
                .required(
                    "volume",
                    .either([
                        .number(minimum: 0),
                        .object(
                            ObjectShape(
                                title: "volume from a signal",
                                summary: "Contacts forecast from a signal, times an uplift.",
                                fields: [
                                    .required("signal", .scalar(.identifier), "Signal of contacts per period."),
                                    .optional("uplift", .number(minimum: 0), "Factor for the event (default 1)."),
                                ])),
                    ]), "Contacts per period: a number, or {signal, uplift}."),
                .optional("per", .scalar(.duration), "The period the volume is counted over (default 1h)."),
                .required("handle_time", .scalar(.duration), "Average handle time of one contact."),
                .required("target", .scalar(.serviceLevel), "Service-level target, e.g. 80% in 20s."),
                .optional("shrinkage", .scalar(.percentage), "Share of paid time not available (default 30%)."),
                .optional("max_occupancy", .scalar(.percentage), "Highest acceptable occupancy (default 85%)."),
                .optional("patience", .scalar(.duration), "Average patience: use Erlang A with abandonment."),
                .required("scheduled", .integer(minimum: 0), "Staff already scheduled for the period."),
                .optional("urgent", .boolean, "Bypass quiet hours for this alert."),
            ])
    }

    static var webhookAction: ObjectShape {
        ObjectShape(
            title: "webhook action", summary: "Post the occurrence to a system.",
            fields: [
                .required("webhook", .scalar(.identifier), "The receiver (a webhook) to call."),
                .optional("event_type", .scalar(.text), "The envelope's type (default forewarn.occurrence)."),
            ] + stepFields)
    }

    static var hours: ObjectShape {
        ObjectShape(
            title: "opening hours", summary: "Regular weekly hours with exceptions.",
            fields: [
                .required(
                    "weekly", .dictionary(key: .weekdays, value: .scalar(.openingHours)),
                    "Hours per weekday or range, e.g. mon-fri: 09:00-20:00."),
                .optional(
                    "exceptions",
                    .list(
                        .object(
                            ObjectShape(
                                title: "exception", summary: "Different hours on one date.",
                                fields: [
                                    .required("date", .scalar(.date), "The local date."),
                                    .required("hours", .scalar(.openingHours), "'closed' or the hours that day."),
                                ]))), "Dates with other hours."),
                .optional(
                    "on_event", .scalar(.openingHours), "Hours on the days of the foreseen event (default closed)."),
            ])
    }

    static var drill: ObjectShape {
        ObjectShape(
            title: "drill", summary: "Where rehearsal notices go.",
            fields: [
                .required("via", .scalar(.identifier), "The test receiver."),
                .optional("to", .scalar(.identifier), "The audience for drills (default: the plan's owner only)."),
            ])
    }
}

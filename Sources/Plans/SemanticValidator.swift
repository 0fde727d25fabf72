import Dispatch
import Foundation

/// The second loading phase: meaning. References resolve, leads are positive, messages exist in every
/// locale and render, SMS texts fit, credentials are named. Every finding carries file:line:col.
struct SemanticValidator {
    let set: PlanSet
    let loader: PlanLoader
    /// True when some file failed the first phase, so a missing name may just be in that file.
    let referencesMayBeMissing: Bool
    var sink: DiagnosticSink

    mutating func validate() {
        staffRecipients = Self.staffRecipients(in: set)
        validatePlans()
        for receiver in set.receivers.values.sorted(by: { $0.name < $1.name }) { validate(receiver) }
        for signal in set.signals.values.sorted(by: { $0.name < $1.name }) { validate(signal) }
        for calendar in set.calendars.values.sorted(by: { $0.name < $1.name }) { validate(calendar) }
        validatePolicies()
    }

    // MARK: References

    private mutating func reference(
        _ name: String, in names: some Collection<String>, kind: String, at location: SourceLocation
    ) -> Bool {
        if names.contains(name) { return true }
        if !referencesMayBeMissing {
            let known = names.isEmpty ? "none is defined" : "known: " + names.sorted().joined(separator: ", ")
            sink.error(location, "unknown \(kind) '\(name)'\(Suggestion.hint(for: name, among: names)) (\(known))")
        }
        return false
    }

    /// Staff recipient ids and their audience, computed once per load.
    var staffRecipients: [String: String] = [:]
    /// Parsed templates and sample contexts shared by every action this validator checks.
    let templateCache = TemplateCache()

    private static func staffRecipients(in set: PlanSet) -> [String: String] {
        var result: [String: String] = [:]
        for audience in set.audiences.values where audience.kind == .staff {
            for recipient in audience.recipients { result[recipient.id] = audience.name }
        }
        return result
    }

    // MARK: Plans

    /// Validates the plans in contiguous chunks on every core (each plan is checked on its own against the
    /// read-only set), each chunk with its own template cache; the findings come out in plan order.
    private mutating func validatePlans() {
        let plans = set.plans
        let chunks = plans.count < 64 ? 1 : min(plans.count / 32, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard chunks > 1 else {
            for plan in plans { validate(plan) }
            return
        }
        let results = ChunkFindings(count: chunks)
        let (set, loader, mayBeMissing, owners) = (set, loader, referencesMayBeMissing, staffRecipients)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var validator = SemanticValidator(
                set: set, loader: loader, referencesMayBeMissing: mayBeMissing, sink: DiagnosticSink(),
                staffRecipients: owners)
            for index in (plans.count * chunk / chunks)..<(plans.count * (chunk + 1) / chunks) {
                validator.validate(plans[index])
            }
            results.store(chunk, validator.sink.diagnostics)
        }
        for found in results.all { sink.append(contentsOf: found) }
    }

    private mutating func validate(_ plan: Plan) {
        let owners = staffRecipients
        if owners[plan.owner] == nil && !referencesMayBeMissing {
            sink.error(
                plan.ownerLocation,
                "owner '\(plan.owner)' of plan '\(plan.id)' is not a recipient of any staff audience\(Suggestion.hint(for: plan.owner, among: owners.keys)); add them to an audience with kind: staff"
            )
        }
        validate(plan.trigger, plan: plan)
        for action in plan.actions { validate(action, plan: plan) }
        if let drill = plan.drill {
            _ = reference(drill.receiver, in: set.receivers.keys, kind: "receiver", at: plan.location)
            if let audience = drill.audience {
                _ = reference(audience, in: set.audiences.keys, kind: "audience", at: plan.location)
            }
        }
    }

    private mutating func validate(_ trigger: Trigger, plan: Plan) {
        switch trigger {
        case .event(let event):
            _ = reference(event.calendar, in: set.calendars.keys, kind: "calendar", at: event.location)
            if let expectation = event.expectation {
                _ = reference(expectation.signal, in: set.signals.keys, kind: "signal", at: event.location)
            }
        case .forecast(let forecast):
            _ = reference(forecast.signal, in: set.signals.keys, kind: "signal", at: forecast.location)
            if forecast.within.seconds <= 0 {
                sink.error(forecast.location, "forecast 'within' must be positive, found \(forecast.within)")
            }
        case .state(let state):
            _ = reference(state.signal, in: set.signals.keys, kind: "signal", at: state.location)
            for name in state.onset.signals {
                _ = reference(name, in: set.signals.keys, kind: "signal in onset", at: state.location)
            }
        case .any(let triggers), .all(let triggers):
            for trigger in triggers { validate(trigger, plan: plan) }
        }
    }

    private mutating func validate(_ action: Action, plan: Plan) {
        let place = "actions[\(action.index)]"
        var receiver: ReceiverDefinition?
        if reference(action.receiver, in: set.receivers.keys, kind: "receiver", at: action.location) {
            receiver = set.receivers[action.receiver]
        }
        var audience: AudienceDefinition?
        if let name = action.audience, reference(name, in: set.audiences.keys, kind: "audience", at: action.location) {
            audience = set.audiences[name]
        }
        let steps = action.steps
        if steps.before.isEmpty && !steps.atStart && !steps.atEnd {
            sink.error(action.location, "\(place) never acts: give 'before' leads, 'at_start: true' or 'at_end: true'")
        }
        for lead in steps.before where lead.seconds <= 0 {
            sink.error(action.location, "\(place): every lead in 'before' must be positive, found \(lead)")
        }
        if Set(steps.before).count != steps.before.count {
            sink.error(action.location, "\(place): 'before' lists the same lead twice")
        }
        switch action.kind {
        case .webhook:
            if let receiver, case .webhook = receiver.kind {
            } else if let receiver {
                sink.error(
                    action.location,
                    "\(place): 'webhook' needs a receiver of kind webhook, '\(receiver.name)' is \(receiver.kind.name)")
            }
        case .staff(let staffing):
            if let audience, audience.kind != .staff {
                sink.warning(
                    action.location,
                    "\(place): staffing alerts go to audience '\(audience.name)', which is not kind: staff")
            }
            if case .signal(let name, _) = staffing.volume {
                _ = reference(name, in: set.signals.keys, kind: "signal", at: action.location)
            }
            if staffing.handleTime.seconds <= 0 {
                sink.error(action.location, "\(place): 'handle_time' must be positive")
            }
            if staffing.shrinkage >= 1 || staffing.shrinkage < 0 {
                sink.error(action.location, "\(place): 'shrinkage' must be from 0% to below 100%")
            }
            if staffing.maxOccupancy <= 0 || staffing.maxOccupancy > 1 {
                sink.error(action.location, "\(place): 'max_occupancy' must be above 0% and at most 100%")
            }
        case .notify:
            if action.isUrgent, let audience, audience.kind == .customers {
                sink.error(
                    action.location,
                    "\(place): 'urgent' bypasses quiet hours and is only for staff audiences; '\(audience.name)' is customers"
                )
            }
        }
        if let messages = action.messages {
            if steps.onCancel && messages.cancel == nil {
                sink.error(
                    action.location,
                    "\(place): 'on_cancel: true' needs a 'cancel_message' (the all-clear) in every locale")
            }
            var templates = MessageTemplates(
                set: set, plan: plan, action: action, receiver: receiver, audience: audience, loader: loader,
                cache: templateCache)
            templates.validate(messages)
            sink.append(contentsOf: templates.diagnostics)
        }
        if let receiver, let audience, receiver.kind.isSMS {
            let missing = audience.recipients.filter { $0.phone == nil }
            if !missing.isEmpty {
                sink.error(
                    action.location,
                    "\(place): receiver '\(receiver.name)' sends SMS but \(missing.count) recipient(s) of '\(audience.name)' have no phone (first: '\(missing[0].id)' at \(missing[0].location))"
                )
            }
        }
        if let audience, audience.kind == .customers {
            let withoutConsent = audience.recipients.filter { !$0.hasConsent }.count
            if withoutConsent > 0 {
                sink.warning(
                    action.location,
                    "\(place): \(withoutConsent) of \(audience.recipients.count) recipients of '\(audience.name)' have not consented and will not be told"
                )
            }
        }
    }

    // MARK: Definitions

    private mutating func validate(_ receiver: ReceiverDefinition) {
        if let fallback = receiver.fallback {
            if fallback == receiver.name {
                sink.error(receiver.location, "receiver '\(receiver.name)' names itself as its fallback")
            } else if reference(fallback, in: set.receivers.keys, kind: "fallback receiver", at: receiver.location),
                let other = set.receivers[fallback], other.kind.channel != receiver.kind.channel
            {
                sink.warning(
                    receiver.location,
                    "receiver '\(receiver.name)' (\(receiver.kind.channel)) falls back to '\(fallback)' (\(other.kind.channel) through \(other.kind.name)); a notice keeps its address when it falls back, so pair receivers of the same channel"
                )
            }
        }
        if receiver.timeout < receiver.connectTimeout {
            sink.error(
                receiver.location,
                "receiver '\(receiver.name)': 'timeout' (\(receiver.timeout)) is shorter than 'connect_timeout' (\(receiver.connectTimeout))"
            )
        }
        for credential in receiver.credentials where credential.resolve(environment: loader.environment) == nil {
            sink.warning(
                credential.location,
                "credential '\(credential.name)' is not available here; it is read at run time from $CREDENTIALS_DIRECTORY/\(credential.name) (LoadCredential=) or $\(credential.environmentVariable)"
            )
        }
    }

    private mutating func validate(_ signal: SignalDefinition) {
        if signal.interval.seconds <= 0 {
            sink.error(signal.location, "signal '\(signal.name)': 'interval' must be positive")
        }
        if signal.timeout > signal.interval, signal.interval.seconds > 0 {
            sink.warning(
                signal.location,
                "signal '\(signal.name)': 'timeout' (\(signal.timeout)) is longer than 'interval' (\(signal.interval)); polls may overlap"
            )
        }
        if case .httpJSON(_, _, let headers) = signal.source {
            for case .credential(let credential) in headers.values
            where credential.resolve(environment: loader.environment) == nil {
                sink.warning(
                    credential.location,
                    "credential '\(credential.name)' is not available here; it is read at run time from $CREDENTIALS_DIRECTORY/\(credential.name) or $\(credential.environmentVariable)"
                )
            }
        }
    }

    private mutating func validate(_ calendar: CalendarDefinition) {
        if calendar.events.isEmpty && calendar.icsFiles.isEmpty {
            sink.error(calendar.location, "calendar '\(calendar.name)' has no 'events' and no 'ics' files")
        }
        for file in calendar.icsFiles where !FileManager.default.fileExists(atPath: file.url.path) {
            sink.error(file.location, "iCalendar file '\(file.path)' not found (looked for \(file.shown))")
        }
        for event in calendar.events {
            if let end = event.end {
                switch (event.start, end) {
                case (.date(let start), .date(let last)) where last < start:
                    sink.error(event.location, "event '\(event.summary)' ends before it starts")
                case (.dateTime(let start), .dateTime(let last)) where last <= start:
                    sink.error(event.location, "event '\(event.summary)' ends before it starts")
                case (.date, .dateTime), (.dateTime, .date):
                    sink.error(
                        event.location,
                        "event '\(event.summary)': 'start' and 'end' must both be dates or both be date-times")
                default: break
                }
            }
            if let rule = event.recurrenceRule, rule.uppercased().firstRange(of: "FREQ=") == nil {
                sink.error(
                    event.location,
                    "event '\(event.summary)': rrule '\(rule)' has no FREQ= part (e.g. FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25)"
                )
            }
        }
    }

    private mutating func validatePolicies() {
        let policies = set.policies
        let location = policies.location ?? SourceLocation(file: set.directory.path, line: 0, column: 0)
        if !policies.locales.contains(policies.defaultLocale) {
            sink.error(
                location,
                "policies: default_locale '\(policies.defaultLocale)' is not one of the locales (\(policies.locales.joined(separator: ", ")))"
            )
        }
        if let owner = policies.ownerReceiver {
            _ = reference(owner, in: set.receivers.keys, kind: "receiver (owner_via)", at: location)
        }
    }
}

/// Findings of the plan chunks validated in parallel; each chunk writes only its own slot, allocated up front.
private final class ChunkFindings: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<[Diagnostic]>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [])
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    var all: [[Diagnostic]] { Array(slots) }

    func store(_ index: Int, _ found: [Diagnostic]) { slots[index] = found }
}

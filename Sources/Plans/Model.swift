import Foundation
import Zones

/// Everything a plan directory defines, loaded and validated: what the engine and the daemon run on.
public struct PlanSet: Sendable {
    /// The directory the set was loaded from.
    public var directory: URL
    /// The plans, in file-name order.
    public var plans: [Plan]
    /// Signals by name.
    public var signals: [String: SignalDefinition]
    /// Receivers by name.
    public var receivers: [String: ReceiverDefinition]
    /// Audiences by name.
    public var audiences: [String: AudienceDefinition]
    /// Calendars by name.
    public var calendars: [String: CalendarDefinition]
    /// Directory-wide defaults.
    public var policies: Policies
}

/// One contingency.
public struct Plan: Sendable {
    public var id: String
    public var title: String
    public var description: String?
    /// The staff recipient id who answers for the plan.
    public var owner: String
    public var timeZone: Zone
    public var isEnabled: Bool
    public var trigger: Trigger
    public var actions: [Action]
    public var hours: OpeningHours?
    public var drill: Drill?
    /// Template values of this plan (on top of the policies' vars).
    public var vars: [String: String]
    /// Where `plan:` is written.
    public var location: SourceLocation
    /// Where `owner:` is written.
    public var ownerLocation: SourceLocation
}

/// How a contingency is foreseen.
public indirect enum Trigger: Sendable {
    case event(EventTrigger)
    case forecast(ForecastTrigger)
    case state(StateTrigger)
    case any([Trigger])
    case all([Trigger])
}

/// Above or below a value.
public enum Threshold: Sendable, Hashable {
    case above(Double)
    case below(Double)

    /// The threshold value.
    public var value: Double {
        switch self {
        case .above(let value), .below(let value): value
        }
    }
}

/// A calendar event, optionally only when its expected load crosses capacity.
public struct EventTrigger: Sendable {
    public var calendar: String
    /// Case-insensitive regular expression on the event summary; nil matches every event.
    public var match: String?
    public var expectation: Expectation?
    public var location: SourceLocation
}

/// Expected load = forecast × uplift compared with a threshold.
public struct Expectation: Sendable {
    public var signal: String
    public var uplift: Double
    public var threshold: Threshold
}

/// A forecast crossing a threshold within a horizon.
public struct ForecastTrigger: Sendable {
    public var signal: String
    public var threshold: Threshold
    public var within: PlanDuration
    public var confidence: Double
    /// How long the prediction must hold before the occurrence is foreseen (and recede before it is cancelled).
    public var debounce: PlanDuration
    public var location: SourceLocation
}

/// A condition on a signal's current value.
public enum StateCondition: Sendable, Hashable {
    case contains(String)
    case equals(String)
    case above(Double)
    case below(Double)
}

/// A state seen now, with an onset computed from it.
public struct StateTrigger: Sendable {
    public var signal: String
    public var condition: StateCondition
    public var debounce: PlanDuration
    public var onset: OnsetExpression
    public var location: SourceLocation
}

/// When an action acts, relative to an occurrence.
public struct Steps: Sendable, Hashable {
    /// Leads before the onset, longest first.
    public var before: [PlanDuration]
    public var atStart: Bool
    public var atEnd: Bool
    public var onCancel: Bool
}

/// Message templates per locale for each kind of step.
public struct Messages: Sendable {
    public var main: [String: String]
    public var start: [String: String]?
    public var end: [String: String]?
    public var cancel: [String: String]?
    /// Where each text is written, keyed `main.es`, `cancel.en`, ...
    public var locations: [String: SourceLocation] = [:]
}

/// What a plan does about an occurrence.
public struct Action: Sendable {
    /// What kind of action it is, with its own settings.
    public enum Kind: Sendable {
        case notify(audience: String, receiver: String)
        case staff(StaffingAction)
        case webhook(receiver: String, eventType: String)
    }

    /// The position in the plan's `actions` list (part of notice identity).
    public var index: Int
    public var kind: Kind
    public var steps: Steps
    /// Nil for webhook actions, which post the occurrence itself.
    public var messages: Messages?
    public var isUrgent: Bool
    public var location: SourceLocation

    /// The receiver this action delivers through.
    public var receiver: String {
        switch kind {
        case .notify(_, let receiver), .webhook(let receiver, _): receiver
        case .staff(let staffing): staffing.receiver
        }
    }

    /// The audience this action tells, if any.
    public var audience: String? {
        switch kind {
        case .notify(let audience, _): audience
        case .staff(let staffing): staffing.audience
        case .webhook: nil
        }
    }
}

/// Contacts per period: fixed or from a signal's forecast.
public enum Volume: Sendable, Hashable {
    case fixed(Double)
    case signal(String, uplift: Double)
}

/// An Erlang staffing alert.
public struct StaffingAction: Sendable {
    public var audience: String
    public var receiver: String
    public var volume: Volume
    public var period: PlanDuration
    public var handleTime: PlanDuration
    public var target: ServiceLevelTarget
    public var shrinkage: Double
    public var maxOccupancy: Double
    public var patience: PlanDuration?
    public var scheduled: Int
}

/// Regular weekly hours with exceptions.
public struct OpeningHours: Sendable {
    /// Hours per ISO weekday (1 = Monday); a missing day is closed.
    public var weekly: [Int: DailyHours]
    public var exceptions: [LocalDate: DailyHours]
    /// Hours on the days of the foreseen event.
    public var onEvent: DailyHours
}

/// Where drill notices go.
public struct Drill: Sendable {
    public var receiver: String
    public var audience: String?
}

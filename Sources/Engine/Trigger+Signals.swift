import Plans

extension Trigger {
    /// The calendars the trigger reads.
    var calendars: [String] {
        switch self {
        case .event(let event): [event.calendar]
        case .forecast, .state: []
        case .any(let list), .all(let list): list.flatMap(\.calendars)
        }
    }

    /// The signals the event expectations inside the trigger read.
    var expectationSignals: [String] {
        switch self {
        case .event(let event): event.expectation.map { [$0.signal] } ?? []
        case .forecast, .state: []
        case .any(let list), .all(let list): list.flatMap(\.expectationSignals)
        }
    }

    /// The forecast triggers inside the trigger.
    var forecasts: [ForecastTrigger] {
        switch self {
        case .forecast(let forecast): [forecast]
        case .event, .state: []
        case .any(let list), .all(let list): list.flatMap(\.forecasts)
        }
    }

    /// The signals the trigger reads.
    var signals: [String] {
        switch self {
        case .event(let event): event.expectation.map { [$0.signal] } ?? []
        case .forecast(let forecast): [forecast.signal]
        case .state(let state): [state.signal] + state.onset.signals
        case .any(let list), .all(let list): list.flatMap(\.signals)
        }
    }
}

extension Action {
    /// The signal a staffing action's volume comes from, if any.
    var volumeSignal: String? {
        if case .staff(let staffing) = kind, case .signal(let name, _) = staffing.volume { return name }
        return nil
    }
}

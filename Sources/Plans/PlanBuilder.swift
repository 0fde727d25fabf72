import Foundation
import Zones

/// Builds model values from files that passed the shape check. Reading cannot fail here except for
/// what only the model knows (checked later by `SemanticValidator`).
enum PlanBuilder {
    static func plan(_ reader: NodeReader) -> Plan {
        let zone = reader.string("timezone").flatMap { Zone(identifier: $0) } ?? .utc
        let actions = reader["actions"]?.list.enumerated().map { action($1, index: $0) } ?? []
        return Plan(
            id: reader.string("plan") ?? "",
            title: reader.string("title") ?? "",
            description: reader.string("description"),
            owner: reader.string("owner") ?? "",
            timeZone: zone,
            isEnabled: reader.bool("enabled") ?? true,
            trigger: reader["foresee"].map(trigger) ?? .any([]),
            actions: actions,
            hours: reader["hours"].map(hours),
            drill: reader["drill"].map { Drill(receiver: $0.string("via") ?? "", audience: $0.string("to")) },
            vars: reader["vars"]?.stringDictionary ?? [:],
            location: reader.location(of: "plan"), ownerLocation: reader["owner"]?.location ?? reader.location)
    }

    static func trigger(_ reader: NodeReader) -> Trigger {
        if let event = reader["event"] {
            let expectation = reader["expect"].flatMap { expect -> Expectation? in
                guard let threshold = expect.threshold else { return nil }
                return Expectation(
                    signal: expect.string("signal") ?? "", uplift: expect.double("uplift") ?? 1, threshold: threshold)
            }
            return .event(
                EventTrigger(
                    calendar: event.string("calendar") ?? "", match: event.string("match"), expectation: expectation,
                    location: event.location))
        }
        if let forecast = reader["forecast"] {
            return .forecast(
                ForecastTrigger(
                    signal: forecast.string("signal") ?? "", threshold: forecast.threshold ?? .above(0),
                    within: forecast.duration("within") ?? PlanDuration(seconds: 0),
                    confidence: forecast.double("confidence") ?? 0.8,
                    debounce: forecast.duration("for") ?? PlanDuration(seconds: 0), location: forecast.location))
        }
        if let state = reader["state"] {
            let condition: StateCondition
            if let word = state.string("contains") {
                condition = .contains(word)
            } else if let word = state.string("equals") {
                condition = .equals(word)
            } else if let value = state.double("above") {
                condition = .above(value)
            } else {
                condition = .below(state.double("below") ?? 0)
            }
            let onset = reader.string("onset").flatMap { try? OnsetExpression.parse($0) } ?? OnsetExpression(terms: [])
            return .state(
                StateTrigger(
                    signal: state.string("signal") ?? "", condition: condition,
                    debounce: state.duration("for") ?? PlanDuration(seconds: 0), onset: onset, location: state.location)
            )
        }
        if let any = reader["any"] { return .any(any.list.map(trigger)) }
        if let all = reader["all"] { return .all(all.list.map(trigger)) }
        return .any([])
    }

    static func action(_ reader: NodeReader, index: Int) -> Action {
        let steps = Steps(
            before: (reader["before"]?.list.compactMap(\.duration) ?? []).sorted(by: >),
            atStart: reader.bool("at_start") ?? false,
            atEnd: reader.bool("at_end") ?? false,
            onCancel: reader.bool("on_cancel") ?? false)
        let messages = reader["message"].map { main in
            var messages = Messages(
                main: main.stringDictionary, start: reader["start_message"]?.stringDictionary,
                end: reader["end_message"]?.stringDictionary, cancel: reader["cancel_message"]?.stringDictionary)
            for (kind, key) in [
                ("main", "message"), ("start", "start_message"), ("end", "end_message"), ("cancel", "cancel_message"),
            ] {
                for entry in reader[key]?.entries ?? [] {
                    messages.locations["\(kind).\(entry.key)"] = entry.value.location
                }
                messages.locations[kind] = reader.location(of: key)
            }
            return messages
        }
        let kind: Action.Kind
        if let audience = reader.string("notify") {
            kind = .notify(audience: audience, receiver: reader.string("via") ?? "")
        } else if let audience = reader.string("staff") {
            kind = .staff(staffing(reader, audience: audience))
        } else {
            kind = .webhook(
                receiver: reader.string("webhook") ?? "",
                eventType: reader.string("event_type") ?? "forewarn.occurrence")
        }
        return Action(
            index: index, kind: kind, steps: steps, messages: messages, isUrgent: reader.bool("urgent") ?? false,
            location: reader.location)
    }

    static func staffing(_ reader: NodeReader, audience: String) -> StaffingAction {
        let volume: Volume
        if let fixed = reader.double("volume") {
            volume = .fixed(fixed)
        } else {
            let source = reader["volume"]
            volume = .signal(source?.string("signal") ?? "", uplift: source?.double("uplift") ?? 1)
        }
        func percentage(_ key: String, _ fallback: Double) -> Double {
            reader.string(key).flatMap { try? Percentage.parse($0).fraction } ?? fallback
        }
        return StaffingAction(
            audience: audience, receiver: reader.string("via") ?? "", volume: volume,
            period: reader.duration("per") ?? PlanDuration(seconds: 3_600),
            handleTime: reader.duration("handle_time") ?? PlanDuration(seconds: 0),
            target: reader.string("target").flatMap { try? ServiceLevelTarget.parse($0) }
                ?? ServiceLevelTarget(fraction: 0.8, within: PlanDuration(seconds: 20)),
            shrinkage: percentage("shrinkage", 0.3), maxOccupancy: percentage("max_occupancy", 0.85),
            patience: reader.duration("patience"), scheduled: reader.int("scheduled") ?? 0)
    }

    static func hours(_ reader: NodeReader) -> OpeningHours {
        var weekly: [Int: DailyHours] = [:]
        for entry in reader["weekly"]?.entries ?? [] {
            guard let days = Weekdays(entry.key), let text = entry.value.string,
                let hours = try? DailyHours.parse(text)
            else { continue }
            for day in days.days { weekly[day] = hours }
        }
        var exceptions: [LocalDate: DailyHours] = [:]
        for item in reader["exceptions"]?.list ?? [] {
            if let date = item.string("date").flatMap(LocalDate.init), let text = item.string("hours"),
                let hours = try? DailyHours.parse(text)
            {
                exceptions[date] = hours
            }
        }
        let onEvent = reader.string("on_event").flatMap { try? DailyHours.parse($0) } ?? DailyHours(ranges: [])
        return OpeningHours(weekly: weekly, exceptions: exceptions, onEvent: onEvent)
    }
}

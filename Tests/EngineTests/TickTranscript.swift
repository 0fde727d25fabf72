import Forecast
import Foundation
import Plans
import Signals

@testable import Engine

/// A deterministic run of the engine over a mix of plans (forecast thresholds above and below, `any`, `all`,
/// calendar, state, staffing), with forecasters fed a sample per tick, retrained mid-run and a signal that
/// goes stale, written out as one canonical line per decision. Every engine change meant to be a pure
/// optimisation must leave this transcript byte for byte as it was.
enum TickTranscript {
    static let signals = ["a", "b", "c"]

    static let definitions = """
        receivers:
          ops: { kind: webhook, url: "http://127.0.0.1:9/ops" }
          sms: { kind: form, url: "http://127.0.0.1:9/sms", fields: { to: "{{to}}", text: "{{text}}" } }
        audiences:
          on-call:
            kind: staff
            recipients:
              - { id: ops-lead, phone: "+56900000201", locale: es }
              - { id: sre, phone: "+56900000202", locale: en }
          customers:
            kind: customers
            recipients:
              - { id: c1, phone: "+56900000301", locale: es, consent: true }
              - { id: c2, phone: "+56900000302", locale: en, consent: true }
        calendars:
          days:
            timezone: UTC
            events:
              - { summary: Sale, start: 2026-05-01T10:00:00, end: 2026-05-01T12:00:00, rrule: "FREQ=DAILY" }
        policies: { locales: [es, en], default_locale: en, owner_via: ops, tick: 5m }
        signals:
          a: { kind: push, interval: 5m }
          b: { kind: push, interval: 5m }
          c: { kind: push, interval: 5m }
          d: { kind: push, interval: 5m }

        """

    static func plan(_ id: String, _ trigger: String, actions: String = defaultActions) -> String {
        """
        plan: \(id)
        title: Plan \(id)
        owner: ops-lead
        timezone: America/Santiago
        foresee:
        \(trigger)
        actions:
        \(actions)
        """
    }

    static let defaultActions = """
          - notify: on-call
            via: ops
            before: [1d, 2h, 30m]
            at_start: true
            on_cancel: true
            message: { en: "{{title}} at {{onset_time}} ({{lead}}) {{signal_value}}/{{capacity}}", es: "{{title}} a las {{onset_time}}" }
            cancel_message: { en: "{{title}}: all clear", es: "{{title}}: sin novedad" }
          - notify: customers
            via: sms
            before: [1h]
            message: { en: "{{title}} soon{{#late}} (late){{/late}}", es: "{{title}} pronto" }
        """

    /// The plan files of the scenario.
    static var files: [String: String] {
        var files = ["defs.yaml": definitions]
        var count = 0
        for signal in signals {
            for level in stride(from: 95, through: 135, by: 10) {
                let within = 2 + count % 5
                files["\(signal)\(level).yaml"] = plan(
                    "\(signal)-above-\(level)",
                    "  forecast: { signal: \(signal), above: \(level), within: \(within)h, for: 10m }")
                count += 1
            }
            files["\(signal)-below.yaml"] = plan(
                "\(signal)-below", "  forecast: { signal: \(signal), below: 85, within: 3h, confidence: 0.8 }")
        }
        files["any.yaml"] = plan(
            "any-ab",
            """
              any:
                - forecast: { signal: a, above: 118, within: 4h, for: 5m }
                - forecast: { signal: b, above: 121, within: 4h, for: 5m }
            """)
        files["all.yaml"] = plan(
            "all-bc",
            """
              all:
                - forecast: { signal: b, above: 110, within: 6h }
                - forecast: { signal: c, above: 112, within: 6h }
            """)
        files["learning.yaml"] = plan("learning-d", "  forecast: { signal: d, above: 10, within: 2h }")
        files["sale.yaml"] = plan("sale", "  event: { calendar: days }")
        files["sale-expect.yaml"] = plan(
            "sale-expect", "  event: { calendar: days }\n  expect: { signal: a, uplift: 1.1, above: 120 }")
        files["state.yaml"] = plan(
            "state-c", "  state: { signal: c, above: 125, for: 10m }\n  onset: \"now + 15m\"")
        files["staff.yaml"] = plan(
            "staff",
            "  event: { calendar: days }",
            actions: """
                  - staff: on-call
                    via: ops
                    before: [2h]
                    volume: { signal: a, uplift: 2 }
                    per: 5m
                    handle_time: 4m
                    target: 80% in 20s
                    shrinkage: 30%
                    max_occupancy: 85%
                    scheduled: 40
                    message: { en: "{{staff_gap}} short: {{required_agents}} needed", es: "Faltan {{staff_gap}}" }
                """)
        return files
    }

    /// The value of `signal` at step `i` (5-minute steps from the start): a daily wave with a signal-specific phase,
    /// a slow drift and deterministic noise.
    static func value(_ signal: Int, at i: Int) -> Double {
        let phase = Double(i) * 2 * Double.pi / 288 + Double(signal)
        let noise = Double((i * 7919 + signal * 104_729) % 17) - 8
        return 105 + 22 * sin(phase) + Double(i) * 0.004 * Double(signal + 1) + noise
    }

    static let start = Date(timeIntervalSince1970: 1_777_593_600)  // 2026-05-01T00:00:00Z

    static func forecaster(_ signal: Int, upTo step: Int) throws -> SeasonalForecaster {
        let history = (step - 3 * 288..<step).map { i in
            Forecast.Sample(time: start.addingTimeInterval(Double(i) * 300), value: value(signal, at: i))
        }
        return try SeasonalForecaster(
            history: history, configuration: ForecastConfiguration(step: 300, season: 86_400, maxEvaluations: 30))
    }

    /// Runs the scenario (`ticks` 5-minute ticks) and returns the transcript.
    static func run(ticks: Int) throws -> [String] {
        let set = try loadPlans(files)
        var models: [String: any LoadForecaster] = [:]
        for (index, name) in signals.enumerated() { models[name] = try forecaster(index, upTo: 0) }
        var engine = try Engine(planSet: set, store: InMemoryOccurrenceStore(), forecasters: models)
        var lines: [String] = []
        for tick in 0..<ticks {
            let now = start.addingTimeInterval(Double(tick) * 300)
            if tick == ticks / 2 {  // retrained mid-run: every cached path must go
                engine.forecasters["b"] = try forecaster(1, upTo: tick)
            }
            var snapshot = SignalSnapshot()
            for (index, name) in signals.enumerated() {
                let sample = value(index, at: tick)
                if tick % 3 != 2 || index == 0 {  // some ticks bring no new sample: cached paths are reused
                    engine.observe(Forecast.Sample(time: now, value: sample), of: name)
                }
                let stale = name == "c" && (ticks / 3..<ticks / 3 + 20).contains(tick)
                snapshot.health[name] = stale ? .stale(since: now.addingTimeInterval(-600)) : .healthy
                snapshot.latest[name] = Signals.Sample(time: now, value: .number(sample))
            }
            snapshot.health["d"] = .healthy
            for decision in engine.tick(now: now, signals: snapshot) {
                lines.append("\(Timestamp.format(now)) \(line(decision))")
            }
        }
        return lines
    }

    /// `files` and a calendar whose events (every 29 hours, some zero-length) enter the plan's window at instants no
    /// other event or step falls on.
    static var heldFiles: [String: String] {
        var files = files
        files["defs.yaml"] = definitions.replacingOccurrences(
            of: "calendars:\n",
            with: """
                calendars:
                  fairs:
                    timezone: UTC
                    events:
                      - { summary: Fair, start: 2026-05-01T07:13:00, end: 2026-05-01T07:58:00, rrule: "FREQ=HOURLY;INTERVAL=29" }
                      - { summary: Flash, start: 2026-05-01T03:07:00, end: 2026-05-01T03:08:00, rrule: "FREQ=HOURLY;INTERVAL=31" }

                """)
        files["fair.yaml"] = plan(
            "fair", "  event: { calendar: fairs }",
            actions: """
                  - notify: on-call
                    via: ops
                    before: [3h, 20m]
                    at_start: true
                    at_end: true
                    message: { en: "{{title}} at {{onset_time}} ({{lead}})", es: "{{title}} a las {{onset_time}}" }
                """)
        return files
    }

    /// The scenario as a daemon sees it: ticks of `tick` seconds over samples every 5 minutes (the latest sample
    /// held in between, so most ticks read nothing new), a signal missing some samples, one going stale and one
    /// retrained mid-run. Returns the transcript and how many plan evaluations the ticks made.
    static func runHeld(ticks: Int, tick: TimeInterval, skipping: Bool) throws -> (lines: [String], evaluations: Int) {
        let set = try loadPlans(heldFiles)
        var models: [String: any LoadForecaster] = [:]
        for (index, name) in signals.enumerated() { models[name] = try forecaster(index, upTo: 0) }
        var engine = try Engine(planSet: set, store: InMemoryOccurrenceStore(), forecasters: models)
        engine.skipsQuietPlans = skipping
        var lines: [String] = []
        var latest: [String: Signals.Sample] = [:]
        var lastStep = -1
        for index in 0..<ticks {
            let now = start.addingTimeInterval(Double(index) * tick)
            let step = Int(Double(index) * tick / 300)
            if index == ticks / 2 { engine.forecasters["b"] = try forecaster(1, upTo: step) }
            if step != lastStep {  // a new 5-minute sample; c misses every fourth one
                for (signal, name) in signals.enumerated() where name != "c" || step % 4 != 3 {
                    let value = value(signal, at: step)
                    engine.observe(Forecast.Sample(time: now, value: value), of: name)
                    latest[name] = Signals.Sample(time: now, value: .number(value))
                }
                lastStep = step
            }
            var snapshot = SignalSnapshot(latest: latest)
            for name in signals {
                let stale = name == "a" && (ticks / 3..<ticks / 3 + ticks / 20).contains(index)
                snapshot.health[name] = stale ? .stale(since: now.addingTimeInterval(-600)) : .healthy
            }
            snapshot.health["d"] = .healthy
            for decision in engine.tick(now: now, signals: snapshot) {
                lines.append("\(Timestamp.format(now)) \(line(decision))")
            }
        }
        return (lines, engine.memory.evaluations)
    }

    static func line(_ decision: Decision) -> String {
        switch decision {
        case .foresee(let occurrence): "foresee \(line(occurrence))"
        case .reschedule(let occurrence): "reschedule \(line(occurrence))"
        case .start(let occurrence): "start \(line(occurrence))"
        case .end(let occurrence): "end \(line(occurrence))"
        case .cancel(let occurrence): "cancel \(line(occurrence))"
        case .enqueue(let notice): "enqueue \(line(notice))"
        case .skip(let occurrence, let action, let step, let reason): "skip \(occurrence) \(action) \(step) \(reason)"
        case .alertOwner(let alert):
            "alert \(alert.plan) \(alert.owner) \(alert.recipient?.id ?? "-") \(alert.receiver ?? "-") "
                + "\(alert.signal ?? "-") \(alert.reason) \(Timestamp.format(alert.at)) \(alert.text)"
        }
    }

    static func line(_ occurrence: Occurrence) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        let json = (try? encoder.encode(occurrence)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
        return sortingCompletedSteps(json)
    }

    /// `completedSteps` is a set, encoded in hash order (which varies between runs): sorted, for a stable line.
    static func sortingCompletedSteps(_ line: String) -> String {
        guard let open = line.range(of: "\"completedSteps\":["),
            let close = line[open.upperBound...].firstIndex(of: "]")
        else { return line }
        let items = line[open.upperBound..<close].split(separator: ",").sorted().joined(separator: ",")
        return line[..<open.upperBound] + items + line[close...]
    }

    static func line(_ notice: NoticeRequest) -> String {
        let data = notice.data.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return [
            notice.key.description, notice.plan, notice.kind.rawValue, notice.receiver, notice.audience ?? "-",
            "\(notice.isCustomer)", "\(notice.isUrgent)", notice.recipient?.id ?? "-", notice.address, notice.locale,
            notice.timeZone.identifier, notice.quietHours.map { "\($0)" } ?? "-",
            notice.frequencyCap.map { "\($0)" } ?? "-", Timestamp.format(notice.dueAt),
            Timestamp.format(notice.onset), "\(notice.isLate)", "\(notice.isDrill)", notice.eventType, data,
            notice.text,
        ].joined(separator: " | ")
    }
}

import Forecast
import Foundation
import Plans
import Signals
import Testing

@testable import Engine

/// Loads a plan directory written from `files` (name → YAML) into a fresh temp directory.
func loadPlans(_ files: [String: String]) throws -> PlanSet {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("engine-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, text) in files {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let result = PlanLoader().load(directory: directory.path)
    let errors = result.diagnostics.filter { $0.severity == .error }
    guard let set = result.planSet, errors.isEmpty else {
        throw PlanLoadFailure(message: errors.map(\.description).joined(separator: "\n"))
    }
    return set
}

struct PlanLoadFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Definitions shared by the tests: a staff audience (the owner), customers, receivers, policies.
let definitions = """
    receivers:
      sms:
        kind: form
        url: http://127.0.0.1:9/sms
        fields: { to: "{{to}}", text: "{{text}}" }
      ops:
        kind: webhook
        url: http://127.0.0.1:9/ops
    audiences:
      on-call:
        kind: staff
        recipients:
          - { id: ops-lead, name: Carla, phone: "+56900000201", locale: es }
          - { id: sre, name: Sam, phone: "+56900000202", locale: en }
      customers:
        kind: customers
        recipients:
          - { id: c1, phone: "+56900000301", locale: es, consent: true }
          - { id: c2, phone: "+56900000302", locale: en, consent: true }
          - { id: c3, phone: "+56900000303", locale: es, consent: true }
    policies:
      locales: [es, en]
      owner_via: ops
      tick: 5m
      vars: { brand: Tienda }
    signals:
      load:
        kind: push
        interval: 1m
    """

/// A forecaster whose crossing time the test sets.
struct ScriptedForecaster: LoadForecaster {
    var crossing: Date?
    var expected: Double = 0
    mutating func observe(_ sample: Forecast.Sample) -> Bool { true }
    func timeToCross(threshold: Double, direction: CrossingDirection, confidence: Double, within: TimeInterval) -> Date?
    {
        crossing
    }
    func expectedValues(at times: [Date]) -> [Double] { times.map { _ in expected } }
    /// A path whose only point is the scripted crossing (far below or above any threshold otherwise).
    func crossingPath(within: TimeInterval, confidence: Double) -> (origin: Date, points: [ForecastPoint]) {
        guard let crossing else { return (.distantPast, []) }
        let origin = crossing.addingTimeInterval(-within / 2)
        return (origin, [ForecastPoint(time: crossing, value: .nan, lower: .infinity, upper: -.infinity)])
    }
}

/// `2026-03-01T00:00:00Z` and friends.
func utc(_ text: String) -> Date { Timestamp.parse(text)! }

extension Array where Element == Decision {
    var notices: [NoticeRequest] { compactMap { if case .enqueue(let n) = $0 { n } else { nil } } }
    var ownerAlerts: [OwnerAlert] { compactMap { if case .alertOwner(let a) = $0 { a } else { nil } } }
}

extension Simulator.Outcome {
    var notices: [(at: Date, notice: NoticeRequest)] {
        entries.compactMap { if case .enqueue(let n) = $0.decision { ($0.at, n) } else { nil } }
    }
}

/// A healthy snapshot of `load` at `now` with `value`.
func healthy(_ value: Double, at now: Date) -> SignalSnapshot {
    SignalSnapshot(health: ["load": .healthy], latest: ["load": Signals.Sample(time: now, value: .number(value))])
}

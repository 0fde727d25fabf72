import Engine
import Forecast
import Foundation
import Plans
import Signals

// One engine tick over 10,000 plans and 1,000 signals (target: under 20 ms), release build.
// 9,000 forecast plans (9 per signal, thresholds around the signal's level, 2h-6h horizons) and
// 1,000 calendar plans on one shared calendar; 1,000 seasonal forecasters on a 5-minute step with a daily season.
let plans = 10_000
let signalCount = 1_000
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("engine-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

var definitions = """
    receivers:
      ops: { kind: webhook, url: "http://127.0.0.1:9/ops" }
    audiences:
      on-call:
        kind: staff
        recipients: [{ id: ops-lead, phone: "+56900000201", locale: en }]
    calendars:
      days:
        timezone: UTC
        events:
          - { summary: Sale, start: 2026-05-02, rrule: "FREQ=DAILY" }
    policies: { locales: [en], default_locale: en }
    signals:

    """
for s in 0..<signalCount { definitions += "  s\(s): { kind: push, interval: 5m }\n" }
try definitions.write(to: directory.appendingPathComponent("definitions.yaml"), atomically: true, encoding: .utf8)
for p in 0..<plans {
    let trigger =
        p % 10 == 9
        ? "event: { calendar: days }"
        : "forecast: { signal: s\(p % signalCount), above: \(100 + (p / signalCount) * 5), within: \(2 + p % 5)h, for: 10m }"
    let text = """
        plan: p\(p)
        title: Plan \(p)
        owner: ops-lead
        timezone: UTC
        foresee:
          \(trigger)
        actions:
          - notify: on-call
            via: ops
            before: [1d, 2h]
            on_cancel: true
            message: { en: "{{title}} at {{onset_time}} ({{lead}})" }
            cancel_message: { en: "{{title}}: all clear" }
        """
    try text.write(to: directory.appendingPathComponent("p\(p).yaml"), atomically: true, encoding: .utf8)
}
var clock = ContinuousClock.now
let loaded = PlanLoader().load(directory: directory.path)
guard let set = loaded.planSet, !loaded.diagnostics.contains(where: { $0.severity == .error }) else {
    print(loaded.diagnostics.prefix(5).map(\.description).joined(separator: "\n"))
    exit(1)
}
print("loaded \(set.plans.count) plans in \(ContinuousClock.now - clock)")

let start = Date(timeIntervalSince1970: 1_777_593_600)  // 2026-05-01T00:00:00Z
clock = ContinuousClock.now
var forecasters: [String: any LoadForecaster] = [:]
for s in 0..<signalCount {
    var history: [Forecast.Sample] = []
    for i in 0..<(4 * 288) {
        let phase: Double = Double(i) * 2 * Double.pi / 288
        let value: Double = 100 + 20 * sin(phase) + Double(s % 7)
        history.append(Forecast.Sample(time: start.addingTimeInterval(Double(i - 4 * 288) * 300), value: value))
    }
    forecasters["s\(s)"] = try SeasonalForecaster(
        history: history, configuration: ForecastConfiguration(step: 300, season: 86_400, maxEvaluations: 40))
}
print("trained \(signalCount) forecasters in \(ContinuousClock.now - clock)")

var engine = try Engine(planSet: set, store: InMemoryOccurrenceStore(), forecasters: forecasters)
/// This thread's CPU time in seconds (robust to other processes sharing the cores).
func threadCPU() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}
var cpu: [Double] = []
var durations: [Duration] = []
var decisions = 0
let tickCount = Int(ProcessInfo.processInfo.environment["ENGINE_BENCH_TICKS"] ?? "") ?? 40
// As in the daemon: 30 s ticks over signals sampled every 5 minutes, so a tenth of the signals has a new sample
// on each tick; feeding it (inside the timed part) makes their forecasters' paths be recomputed and their plans be
// read again. ENGINE_BENCH_FEED=0 feeds nothing (only the plans due are evaluated: the best case);
// ENGINE_BENCH_FEED=all feeds every signal on every tick (every plan is read again: the worst case).
let feedMode = ProcessInfo.processInfo.environment["ENGINE_BENCH_FEED"] ?? "tenth"
/// The load average over the last minute, as `uptime` shows it.
func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
}
let loadBefore = loadAverage()
for tick in 0..<tickCount {
    let now = start.addingTimeInterval(Double(tick) * 30)
    var snapshot = SignalSnapshot()
    for s in 0..<signalCount {
        snapshot.health["s\(s)"] = .healthy
        snapshot.latest["s\(s)"] = Signals.Sample(time: now, value: .number(100))
    }
    let begin = ContinuousClock.now
    let cpuBegin = threadCPU()
    if feedMode != "0" {
        let fed = feedMode == "all" ? Array(0..<signalCount) : Array(stride(from: tick % 10, to: signalCount, by: 10))
        for s in fed {
            // The sample at the start of this 5-minute step (every step of its own when all are fed).
            let step = feedMode == "all" ? Double(tick) : Double(tick / 10)
            let value = 100 + 20 * sin((step + Double(s)) * 2 * Double.pi / 288) + Double(s % 7)
            engine.observe(Forecast.Sample(time: start.addingTimeInterval(step * 300), value: value), of: "s\(s)")
        }
    }
    decisions += engine.tick(now: now, signals: snapshot).count
    cpu.append(threadCPU() - cpuBegin)
    durations.append(ContinuousClock.now - begin)
}
let wall = durations.dropFirst().map { Double($0.components.attoseconds) / 1e15 + Double($0.components.seconds) * 1000 }
    .sorted()
let cpuSorted = cpu.dropFirst().map { $0 * 1000 }.sorted()
print(
    String(
        format: "tick wall time: median %.1f ms, p90 %.1f ms, max %.1f ms; CPU time (this thread): median %.1f ms, "
            + "p90 %.1f ms", wall[wall.count / 2], wall[wall.count * 9 / 10], wall.last!,
        cpuSorted[cpuSorted.count / 2], cpuSorted[cpuSorted.count * 9 / 10]))
print(
    "\(tickCount - 1) ticks after the first (which took \(durations[0])) over \(plans) plans, \(signalCount) signals, "
        + "feed \(feedMode); \(decisions) decisions; load average \(loadBefore) before, \(loadAverage()) after")

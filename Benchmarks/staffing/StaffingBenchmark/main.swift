// Cost of a staffing answer at contact-centre scale: required agents for 1,000 to 20,000 Erlangs under
// Erlang C and Erlang A. Run a release build: Benchmarks/staffing/run.sh does.
import Foundation
import Staffing

/// The median wall time of `runs` calls of `body`, after one warm-up call; the last result is returned too.
func measure<T>(runs: Int, _ body: () throws -> T) rethrows -> (median: Duration, result: T) {
    var result = try body()
    var times: [Duration] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        result = try body()
        times.append(ContinuousClock.now - start)
    }
    return (times.sorted()[runs / 2], result)
}

func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.3f ms", Double(seconds) * 1e3 + Double(attoseconds) / 1e15)
}

let target = ServiceLevelTarget(fraction: 0.8, within: 20)
let handleTime = 180.0
print("| traffic (Erlangs) | model | required agents | service level | median time |")
print("|---|---|---|---|---|")
for traffic in [1_000.0, 5_000.0, 20_000.0] {
    let volume = traffic * 1_800 / handleTime  // per 30 minutes
    for patience in [nil, 300.0] as [Double?] {
        let request = StaffingRequest(
            volume: volume, period: 1_800, handleTime: handleTime, target: target, shrinkage: 0.3, patience: patience)
        let runs = traffic > 10_000 ? 5 : 21
        let (median, result) = try measure(runs: runs) { try StaffingResult(for: request) }
        let model = patience == nil ? "Erlang C" : "Erlang A (patience 300 s)"
        print(
            "| \(Int(traffic)) | \(model) | \(result.requiredAgents) | "
                + String(format: "%.4f", result.serviceLevel) + " | \(milliseconds(median)) |")
    }
}

// One evaluation (all measures for one agent count) at 5,000 Erlangs.
let erlangC = try ErlangC(traffic: 5_000, handleTime: handleTime)
let erlangA = try ErlangA(traffic: 5_000, handleTime: handleTime, patience: 300)
let oneC = measure(runs: 101) { erlangC.measures(agents: 5_013, within: 20) }
let oneA = measure(runs: 101) { erlangA.measures(agents: 4_732, within: 20) }
print()
print("one Erlang C evaluation at 5,000 Erlangs, 5,013 agents: \(milliseconds(oneC.median))")
print("one Erlang A evaluation at 5,000 Erlangs, 4,732 agents: \(milliseconds(oneA.median))")

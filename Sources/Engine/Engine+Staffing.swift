import Foundation
import Plans
import Staffing

/// The Erlang numbers of a staffing action for one occurrence.
struct StaffingNumbers {
    /// Agents to schedule (the Erlang requirement grossed up for shrinkage).
    var required: Int
    /// How many more than scheduled are needed (0 or less: no gap).
    var gap: Int
    /// The message variables.
    var values: [String: String]
}

extension Engine {
    /// Compares what the volume needs (Erlang C, or A with patience) with the scheduled staff.
    func staffingNumbers(_ action: StaffingAction, occurrence: Occurrence, signals: SignalSnapshot)
        -> Result<StaffingNumbers, StaffingFailure>
    {
        let volume: Double
        switch action.volume {
        case .fixed(let value): volume = value
        case .signal(let name, let uplift):
            guard signals.isHealthy(name), let forecaster = forecasters[name],
                let expected = forecaster.expectedValues(at: [occurrence.onset]).first, expected.isFinite
            else {
                return .failure(StaffingFailure("staffing volume signal '\(name)' has no usable forecast"))
            }
            volume = max(expected, 0) * uplift
        }
        let request = StaffingRequest(
            volume: volume, period: action.period.seconds, handleTime: action.handleTime.seconds,
            target: Staffing.ServiceLevelTarget(fraction: action.target.fraction, within: action.target.within.seconds),
            shrinkage: action.shrinkage, maximumOccupancy: action.maxOccupancy, patience: action.patience?.seconds)
        do {
            let result = try StaffingResult(for: request)
            let gap = result.scheduledAgents - action.scheduled
            return .success(
                StaffingNumbers(
                    required: result.scheduledAgents, gap: gap,
                    values: [
                        "required_agents": String(result.scheduledAgents), "scheduled_agents": String(action.scheduled),
                        "staff_gap": String(max(gap, 0)),
                        "service_level": String(format: "%.1f%%", result.serviceLevel * 100),
                        "volume": EngineFormat.number(volume.rounded()),
                        "agents_on_phones": String(result.requiredAgents),
                        "traffic_erlangs": String(format: "%.2f", result.trafficErlangs),
                    ]))
        } catch {
            return .failure(StaffingFailure("staffing cannot be computed: \(error)"))
        }
    }
}

/// Why a staffing step could not be computed.
struct StaffingFailure: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

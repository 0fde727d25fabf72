import Foundation

/// The known answers of `Fixtures/erlang.json` (see `Fixtures/README.md` for their sources).
struct ErlangFixture: Decodable {
    struct ErlangCRow: Decodable {
        let calls: Double
        let periodSeconds: Double
        let handleTimeSeconds: Double
        let targetSeconds: Double
        let agents: Int
        let trafficErlangs: Double
        let probabilityOfWaiting: Double
        let serviceLevel: Double
        let averageSpeedOfAnswerSeconds: Double
        let occupancy: Double

        enum CodingKeys: String, CodingKey {
            case calls, agents, occupancy
            case periodSeconds = "period_s", handleTimeSeconds = "aht_s", targetSeconds = "target_s"
            case trafficErlangs = "traffic_erlangs", probabilityOfWaiting = "p_wait"
            case serviceLevel = "service_level", averageSpeedOfAnswerSeconds = "asa_s"
        }
    }

    struct Staffing: Decodable {
        let requiredRaw: Int
        let shrinkage: Double
        let scheduled: Int

        enum CodingKeys: String, CodingKey {
            case shrinkage, scheduled
            case requiredRaw = "required_raw"
        }
    }

    struct ErlangARow: Decodable {
        let agents: Int
        let callsPerMinute: Double
        let handleTimeMinutes: Double
        let patienceMinutes: Double
        let targetSeconds: Double
        let probabilityOfWaiting: Double
        let probabilityOfAbandonment: Double
        let averageWaitMinutes: Double
        let serviceLevel: Double
        let occupancy: Double

        enum CodingKeys: String, CodingKey {
            case agents, occupancy
            case callsPerMinute = "calls_per_min", handleTimeMinutes = "aht_min"
            case patienceMinutes = "patience_mean_min", targetSeconds = "target_s", probabilityOfWaiting = "p_wait"
            case probabilityOfAbandonment = "p_abandon", averageWaitMinutes = "asa_min_all_arrivals"
            case serviceLevel = "service_level_served_within"
        }
    }

    let erlangC: [ErlangCRow]
    let erlangCSource: String
    let staffing: Staffing
    let erlangB: [String: Double]
    let erlangA: [ErlangARow]
    let erlangASource: String

    enum CodingKeys: String, CodingKey {
        case staffing
        case erlangC = "erlang_c", erlangCSource = "erlang_c_source", erlangB = "erlang_b"
        case erlangA = "erlang_a", erlangASource = "erlang_a_source"
    }

    /// Loads the fixture from the test bundle.
    static func load() throws -> ErlangFixture {
        guard let url = Bundle.module.url(forResource: "erlang", withExtension: "json", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "Fixtures/erlang.json is missing"])
        }
        return try JSONDecoder().decode(ErlangFixture.self, from: Data(contentsOf: url))
    }
}

/// Whether `actual` equals `expected` to within `tolerance`, relative to the larger magnitude (absolute near 0).
func isClose(_ actual: Double, _ expected: Double, tolerance: Double = 1e-12) -> Bool {
    abs(actual - expected) <= tolerance * max(1, abs(expected), abs(actual))
}

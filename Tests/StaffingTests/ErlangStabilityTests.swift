import Testing

@testable import Staffing

/// Large systems: every measure stays finite, in range and monotone in agents.
@Suite struct ErlangStabilityTests {
    static let traffics: [Double] = [0.5, 10, 480, 1_000, 5_000]

    /// Agent counts around the traffic (below, at, just above and well above it).
    static func agentCounts(around traffic: Double) -> [Int] {
        let base = Int(traffic.rounded(.down))
        let spread = max(10, Int(4 * traffic.squareRoot()))
        return Array(stride(from: max(1, base - spread), through: base + 3 * spread, by: max(1, spread / 8)))
    }

    static func expectWellFormed(_ measures: QueueMeasures, _ label: String) {
        for (name, value) in [
            ("P(wait)", measures.probabilityOfWaiting), ("service level", measures.serviceLevel),
            ("occupancy", measures.occupancy), ("P(abandon)", measures.probabilityOfAbandonment),
        ] {
            #expect(value.isFinite && value >= 0 && value <= 1, "\(label): \(name) = \(value)")
        }
        #expect(measures.averageSpeedOfAnswer >= 0 && !measures.averageSpeedOfAnswer.isNaN, "\(label): ASA")
    }

    @Test(arguments: traffics) func erlangBDecreasesWithServers(traffic: Double) {
        var previous = 1.0
        for servers in Self.agentCounts(around: traffic) {
            let blocking = ErlangB.blockingProbability(servers: servers, traffic: traffic)
            #expect(blocking.isFinite && blocking >= 0 && blocking <= previous, "B(\(servers), \(traffic))")
            previous = blocking
        }
    }

    @Test(arguments: traffics) func erlangCIsMonotoneInAgents(traffic: Double) throws {
        let model = try ErlangC(traffic: traffic, handleTime: 180)
        var previous: QueueMeasures?
        for agents in Self.agentCounts(around: traffic) {
            let measures = model.measures(agents: agents, within: 20)
            Self.expectWellFormed(measures, "Erlang C A=\(traffic) N=\(agents)")
            if let previous {
                #expect(measures.serviceLevel >= previous.serviceLevel, "SL must rise: A=\(traffic) N=\(agents)")
                #expect(measures.probabilityOfWaiting <= previous.probabilityOfWaiting, "A=\(traffic) N=\(agents)")
                #expect(measures.averageSpeedOfAnswer <= previous.averageSpeedOfAnswer, "A=\(traffic) N=\(agents)")
                #expect(measures.occupancy <= previous.occupancy, "A=\(traffic) N=\(agents)")
            }
            if Double(agents) > traffic { #expect(measures.averageSpeedOfAnswer.isFinite) }
            previous = measures
        }
    }

    @Test(arguments: traffics) func erlangAIsMonotoneInAgents(traffic: Double) throws {
        let model = try ErlangA(traffic: traffic, handleTime: 180, patience: 300)
        var previous: QueueMeasures?
        for agents in Self.agentCounts(around: traffic) {
            let measures = model.measures(agents: agents, within: 20)
            Self.expectWellFormed(measures, "Erlang A A=\(traffic) N=\(agents)")
            #expect(measures.averageSpeedOfAnswer.isFinite)
            if let previous {
                #expect(measures.serviceLevel >= previous.serviceLevel, "SL must rise: A=\(traffic) N=\(agents)")
                #expect(measures.probabilityOfWaiting <= previous.probabilityOfWaiting, "A=\(traffic) N=\(agents)")
                #expect(measures.probabilityOfAbandonment <= previous.probabilityOfAbandonment)
            }
            previous = measures
        }
    }

    /// Thousands of Erlangs: the staffing search ends with a finite answer a little above the traffic.
    @Test(arguments: [1_000.0, 5_000.0]) func largeStaffingIsFiniteAndTight(traffic: Double) throws {
        let target = ServiceLevelTarget(fraction: 0.8, within: 20)
        let erlangC = try ErlangC(traffic: traffic, handleTime: 180)
        let measuresC = try erlangC.minimumStaffing(meeting: target)
        Self.expectWellFormed(measuresC, "Erlang C staffing A=\(traffic)")
        #expect(Double(measuresC.agents) > traffic && Double(measuresC.agents) < traffic + 3 * traffic.squareRoot())
        #expect(measuresC.serviceLevel >= 0.8)
        #expect(erlangC.serviceLevel(agents: measuresC.agents - 1, within: 20) < 0.8)

        let erlangA = try ErlangA(traffic: traffic, handleTime: 180, patience: 300)
        let measuresA = try erlangA.minimumStaffing(meeting: target)
        Self.expectWellFormed(measuresA, "Erlang A staffing A=\(traffic)")
        #expect(measuresA.serviceLevel >= 0.8)
        #expect(erlangA.serviceLevel(agents: measuresA.agents - 1, within: 20) < 0.8)
        #expect(measuresA.agents <= measuresC.agents, "abandonment shortens the queue")
    }

    /// Far more agents than traffic: Erlang B underflows to 0 and the queue is simply never reached.
    @Test func hugeSurplusOfAgentsUnderflowsCleanly() throws {
        #expect(ErlangB.blockingProbability(servers: 20_000, traffic: 10) == 0)
        let measuresC = try ErlangC(traffic: 10, handleTime: 180).measures(agents: 20_000, within: 20)
        #expect(measuresC.probabilityOfWaiting == 0 && measuresC.serviceLevel == 1)
        let measuresA = try ErlangA(traffic: 10, handleTime: 180, patience: 300).measures(agents: 20_000, within: 20)
        #expect(measuresA.probabilityOfWaiting == 0 && measuresA.serviceLevel == 1)
    }

    /// Far fewer agents than traffic with a long patience: the queue series is huge but stays finite.
    @Test func overloadedErlangAStaysFinite() throws {
        let model = try ErlangA(traffic: 5_000, handleTime: 60, patience: 3_600)
        let measures = model.measures(agents: 4_000, within: 20)
        Self.expectWellFormed(measures, "overloaded Erlang A")
        // Only 4,000 of 5,000 Erlangs can be served: about a fifth of contacts must hang up.
        #expect(abs(measures.probabilityOfAbandonment - 0.2) < 0.01)
        #expect(measures.occupancy > 0.99)
    }
}

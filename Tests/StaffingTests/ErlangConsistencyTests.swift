import Testing

@testable import Staffing

/// Relations the models must satisfy whatever the numbers: limits and conservation laws.
@Suite struct ErlangConsistencyTests {
    /// With a patience far longer than any wait, Erlang A becomes Erlang C.
    @Test(arguments: [(10.0, 14), (48.0, 55), (1_000.0, 1_030)])
    func longPatienceApproachesErlangC(traffic: Double, agents: Int) throws {
        let erlangC = try ErlangC(traffic: traffic, handleTime: 180).measures(agents: agents, within: 20)
        let erlangA = try ErlangA(traffic: traffic, handleTime: 180, patience: 180 * 2_000)
            .measures(agents: agents, within: 20)
        #expect(abs(erlangA.probabilityOfWaiting - erlangC.probabilityOfWaiting) < 2e-3)
        #expect(abs(erlangA.serviceLevel - erlangC.serviceLevel) < 2e-3)
        #expect(erlangA.probabilityOfAbandonment < 1e-3)
    }

    /// A service level over an endless time counts every contact that is eventually answered.
    @Test(arguments: [12, 13, 30]) func endlessTargetCountsEveryAnsweredContact(agents: Int) throws {
        let model = try ErlangA(traffic: 10, handleTime: 180, patience: 300)
        let measures = model.measures(agents: agents, within: 1e6)
        #expect(abs(measures.serviceLevel - (1 - measures.probabilityOfAbandonment)) < 1e-12)
    }

    /// A zero answer time means "answered without waiting".
    @Test func zeroAnswerTimeIsProbabilityOfNotWaiting() throws {
        let erlangC = try ErlangC(traffic: 10, handleTime: 180).measures(agents: 13, within: 0)
        #expect(abs(erlangC.serviceLevel - (1 - erlangC.probabilityOfWaiting)) < 1e-15)
        let erlangA = try ErlangA(traffic: 10, handleTime: 180, patience: 300).measures(agents: 13, within: 0)
        #expect(abs(erlangA.serviceLevel - (1 - erlangA.probabilityOfWaiting)) < 1e-15)
    }

    /// Erlang A's mean wait is P(abandon) × patience (Little's law on the queue).
    @Test func meanWaitFollowsLittlesLaw() throws {
        let measures = try ErlangA(traffic: 10, handleTime: 180, patience: 300).measures(agents: 13, within: 20)
        #expect(abs(measures.averageSpeedOfAnswer - measures.probabilityOfAbandonment * 300) < 1e-12)
    }

    /// An occupancy cap binds when it needs more agents than the service level does.
    @Test func occupancyCapRaisesTheAnswer() throws {
        let model = try ErlangC(traffic: 10, handleTime: 180)
        let target = ServiceLevelTarget(fraction: 0.8, within: 20)
        let uncapped = try model.requiredAgents(meeting: target)
        let capped = try model.requiredAgents(meeting: target, maximumOccupancy: 0.6)
        #expect(capped > uncapped)
        #expect(model.occupancy(agents: capped) <= 0.6)
        #expect(model.occupancy(agents: capped - 1) > 0.6)
        let loose = try model.requiredAgents(meeting: target, maximumOccupancy: 0.85)
        #expect(loose == uncapped)
    }

    /// Scheduled agents round up, but a quotient that is whole up to binary rounding stays whole.
    @Test(arguments: [(14, 0.3, 20), (13, 0.3, 19), (7, 0.3, 10), (10, 0, 10), (1, 0.99, 100), (3, 0.5, 6)])
    func scheduledAgentsAfterShrinkage(required: Int, shrinkage: Double, scheduled: Int) throws {
        #expect(try StaffingResult.scheduledAgents(required: required, shrinkage: shrinkage) == scheduled)
    }
}

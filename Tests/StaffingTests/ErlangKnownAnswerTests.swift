import Foundation
import Testing

@testable import Staffing

/// Every value of `Fixtures/erlang.json` (copied from the project's shared fixtures; sources in its README).
@Suite struct ErlangKnownAnswerTests {
    let fixture: ErlangFixture

    init() throws { fixture = try ErlangFixture.load() }

    @Test func fixtureIsComplete() {
        #expect(fixture.erlangC.count == 6)
        #expect(fixture.erlangA.count == 3)
        #expect(fixture.erlangB.count == 2)
        #expect(fixture.erlangCSource.contains("callcentrehelper"))
        #expect(fixture.erlangASource.contains("M/M/N+M"))
    }

    @Test func erlangBMatchesEveryEntry() throws {
        for (key, expected) in fixture.erlangB {
            // Keys read "N<servers>_A<traffic>".
            let parts = key.split(separator: "_")
            let servers = try #require(Int(parts[0].dropFirst()), "bad key \(key)")
            let traffic = try #require(Double(parts[1].dropFirst()), "bad key \(key)")
            let blocking = ErlangB.blockingProbability(servers: servers, traffic: traffic)
            #expect(isClose(blocking, expected, tolerance: 1e-13), "\(key): \(blocking) vs \(expected)")
        }
    }

    @Test func erlangCMatchesEveryRow() throws {
        for row in fixture.erlangC {
            let request = StaffingRequest(
                volume: row.calls, period: row.periodSeconds, handleTime: row.handleTimeSeconds,
                target: ServiceLevelTarget(fraction: 0.8, within: row.targetSeconds))
            #expect(isClose(request.traffic, row.trafficErlangs, tolerance: 1e-13))
            let model = try ErlangC(traffic: request.traffic, handleTime: row.handleTimeSeconds)
            let measures = model.measures(agents: row.agents, within: row.targetSeconds)
            let label = "\(row.calls) calls, \(row.agents) agents"
            #expect(isClose(measures.probabilityOfWaiting, row.probabilityOfWaiting), "\(label): P(wait)")
            #expect(isClose(measures.serviceLevel, row.serviceLevel), "\(label): service level")
            #expect(isClose(measures.averageSpeedOfAnswer, row.averageSpeedOfAnswerSeconds), "\(label): ASA")
            #expect(isClose(measures.occupancy, row.occupancy), "\(label): occupancy")
            #expect(isClose(model.probabilityOfWaiting(agents: row.agents), row.probabilityOfWaiting))
            #expect(isClose(model.serviceLevel(agents: row.agents, within: row.targetSeconds), row.serviceLevel))
            #expect(isClose(model.averageSpeedOfAnswer(agents: row.agents), row.averageSpeedOfAnswerSeconds))
            #expect(isClose(model.occupancy(agents: row.agents), row.occupancy))
        }
    }

    /// 100 calls per 30 minutes, AHT 180 s, 80 % in 20 s → 14 agents, 20 scheduled with 30 % shrinkage.
    @Test func erlangCStaffingMatchesTheWorkedExample() throws {
        let scenario = try #require(fixture.erlangC.first)
        let request = StaffingRequest(
            volume: scenario.calls, period: scenario.periodSeconds, handleTime: scenario.handleTimeSeconds,
            target: ServiceLevelTarget(fraction: 0.8, within: scenario.targetSeconds),
            shrinkage: fixture.staffing.shrinkage)
        let result = try StaffingResult(for: request)
        #expect(result.model == .erlangC)
        #expect(result.requiredAgents == fixture.staffing.requiredRaw)
        #expect(result.scheduledAgents == fixture.staffing.scheduled)
        let row = try #require(
            fixture.erlangC.first { $0.agents == result.requiredAgents && $0.calls == scenario.calls })
        #expect(isClose(result.serviceLevel, row.serviceLevel))
        #expect(isClose(result.probabilityOfWaiting, row.probabilityOfWaiting))
        #expect(isClose(result.averageSpeedOfAnswer, row.averageSpeedOfAnswerSeconds))
        #expect(isClose(result.occupancy, row.occupancy))
        #expect(isClose(result.trafficErlangs, row.trafficErlangs))
        #expect(result.probabilityOfAbandonment == nil)
        // One agent fewer misses the target: the answer is the minimum, not merely sufficient.
        let fewer = try #require(
            fixture.erlangC.first { $0.agents == result.requiredAgents - 1 && $0.calls == scenario.calls })
        #expect(fewer.serviceLevel < 0.8)
    }

    @Test func erlangAMatchesEveryRow() throws {
        for row in fixture.erlangA {
            let handleTime = row.handleTimeMinutes * 60
            let traffic = row.callsPerMinute * row.handleTimeMinutes
            let model = try ErlangA(traffic: traffic, handleTime: handleTime, patience: row.patienceMinutes * 60)
            let measures = model.measures(agents: row.agents, within: row.targetSeconds)
            let label = "Erlang A, \(row.agents) agents"
            #expect(isClose(measures.probabilityOfWaiting, row.probabilityOfWaiting), "\(label): P(wait)")
            #expect(isClose(measures.probabilityOfAbandonment, row.probabilityOfAbandonment), "\(label): P(abandon)")
            #expect(isClose(measures.averageSpeedOfAnswer / 60, row.averageWaitMinutes), "\(label): mean wait")
            #expect(isClose(measures.serviceLevel, row.serviceLevel), "\(label): service level")
            #expect(isClose(measures.occupancy, row.occupancy), "\(label): occupancy")
            #expect(isClose(model.probabilityOfWaiting(agents: row.agents), row.probabilityOfWaiting))
            #expect(isClose(model.probabilityOfAbandonment(agents: row.agents), row.probabilityOfAbandonment))
            #expect(isClose(model.serviceLevel(agents: row.agents, within: row.targetSeconds), row.serviceLevel))
            #expect(isClose(model.averageSpeedOfAnswer(agents: row.agents) / 60, row.averageWaitMinutes))
            #expect(isClose(model.occupancy(agents: row.agents), row.occupancy))
        }
    }

    /// The same contact centre with a 5-minute mean patience needs 13 agents (19 scheduled at 30 % shrinkage).
    @Test func erlangAStaffingMatchesTheWorkedExample() throws {
        let row = try #require(fixture.erlangA.first)
        let request = StaffingRequest(
            volume: row.callsPerMinute * 30, period: 1_800, handleTime: row.handleTimeMinutes * 60,
            target: ServiceLevelTarget(fraction: 0.8, within: row.targetSeconds), shrinkage: fixture.staffing.shrinkage,
            patience: row.patienceMinutes * 60)
        let result = try StaffingResult(for: request)
        #expect(result.model == .erlangA)
        let meeting = fixture.erlangA.filter { $0.serviceLevel >= 0.8 }.map(\.agents).min()
        #expect(result.requiredAgents == meeting)
        #expect(result.requiredAgents == 13)
        #expect(result.scheduledAgents == 19)
        let answer = try #require(fixture.erlangA.first { $0.agents == result.requiredAgents })
        #expect(isClose(result.serviceLevel, answer.serviceLevel))
        #expect(isClose(try #require(result.probabilityOfAbandonment), answer.probabilityOfAbandonment))
    }
}

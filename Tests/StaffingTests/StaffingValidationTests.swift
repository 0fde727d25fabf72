import Testing

@testable import Staffing

/// Impossible questions get a clear error of the right kind, quickly, never a hang or a crash.
@Suite struct StaffingValidationTests {
    static let target = ServiceLevelTarget(fraction: 0.8, within: 20)

    static func request(
        volume: Double = 100, period: Double = 1_800, handleTime: Double = 180, target: ServiceLevelTarget = target,
        shrinkage: Double = 0.3, maximumOccupancy: Double = 1, patience: Double? = nil, searchLimit: Int = 100_000
    ) -> StaffingRequest {
        StaffingRequest(
            volume: volume, period: period, handleTime: handleTime, target: target, shrinkage: shrinkage,
            maximumOccupancy: maximumOccupancy, patience: patience, searchLimit: searchLimit)
    }

    static let invalidRequests: [(StaffingRequest, StaffingError, String)] = [
        (request(volume: 0), .invalidVolume, "volume"),
        (request(volume: -5), .invalidVolume, "volume"),
        (request(volume: .nan), .invalidVolume, "volume"),
        (request(period: 0), .invalidPeriod, "period"),
        (request(handleTime: 0), .invalidHandleTime, "handle time"),
        (request(handleTime: -180), .invalidHandleTime, "handle time"),
        (request(handleTime: .infinity), .invalidHandleTime, "handle time"),
        (request(target: .init(fraction: 0, within: 20)), .invalidTarget, "fraction"),
        (request(target: .init(fraction: 1.2, within: 20)), .invalidTarget, "fraction"),
        (request(target: .init(fraction: 0.8, within: -1)), .invalidTarget, "answer time"),
        (request(shrinkage: 1), .invalidShrinkage, "shrinkage"),
        (request(shrinkage: 1.5), .invalidShrinkage, "shrinkage"),
        (request(shrinkage: -0.1), .invalidShrinkage, "shrinkage"),
        (request(maximumOccupancy: 0), .invalidMaximumOccupancy, "occupancy"),
        (request(maximumOccupancy: 1.1), .invalidMaximumOccupancy, "occupancy"),
        (request(patience: 0), .invalidPatience, "patience"),
        (request(patience: -60), .invalidPatience, "patience"),
        (request(searchLimit: 0), .invalidAgents, "search limit"),
        (request(volume: 1e12), .unreachableTarget, "search limit"),
        (request(patience: 1e9), .tooMuchWork, "Erlang C"),
    ]

    @Test(arguments: invalidRequests)
    func invalidRequestIsRejected(request: StaffingRequest, expected: StaffingError, mentions: String) {
        #expect {
            _ = try StaffingResult(for: request)
        } throws: { error in
            guard let error = error as? StaffingError else { return false }
            return error == expected && error.message.contains(mentions)
        }
    }

    /// "100 % answered at once" is only met once P(wait) rounds away (47 agents for 10 Erlangs); a smaller
    /// search bound must end the search with an error.
    @Test func unreachableTargetEndsAtTheSearchLimit() {
        let perfect = ServiceLevelTarget(fraction: 1, within: 0)
        #expect(throws: StaffingError.unreachableTarget) {
            _ = try StaffingResult(for: Self.request(target: perfect, searchLimit: 30))
        }
        #expect(throws: StaffingError.unreachableTarget) {
            _ = try StaffingResult(for: Self.request(target: perfect, patience: 300, searchLimit: 30))
        }
    }

    @Test func errorsNameTheFieldAtFault() throws {
        let cases: [(StaffingRequest, StaffingRequest.Field?)] = [
            (Self.request(volume: 0), .volume), (Self.request(period: -1), .period),
            (Self.request(handleTime: 0), .handleTime), (Self.request(target: .init(fraction: 2, within: 1)), .target),
            (Self.request(shrinkage: 1), .shrinkage), (Self.request(maximumOccupancy: 0), .maximumOccupancy),
            (Self.request(patience: 0), .patience), (Self.request(patience: 1e9), .patience),
            (Self.request(volume: 1e12), nil),
        ]
        for (request, field) in cases {
            let error = try #require(throws: StaffingError.self) { try StaffingResult(for: request) }
            #expect(error.field == field, "\(error.message)")
        }
    }

    @Test func errorsOfTheSameKindAreEqualWhateverTheirMessage() {
        #expect(StaffingError.invalidVolume == StaffingError.invalidVolume.with("another message"))
        #expect(StaffingError.invalidVolume != StaffingError.invalidPeriod)
        #expect(StaffingError.invalidShrinkage.description.contains("below 100%"))
    }

    @Test func modelsRejectInvalidParameters() {
        #expect(throws: StaffingError.invalidTraffic) { try ErlangC(traffic: 0, handleTime: 180) }
        #expect(throws: StaffingError.invalidHandleTime) { try ErlangC(traffic: 10, handleTime: .nan) }
        #expect(throws: StaffingError.invalidPatience) {
            try ErlangA(traffic: 10, handleTime: 180, patience: .infinity)
        }
        #expect(throws: StaffingError.invalidShrinkage) {
            try StaffingResult.scheduledAgents(required: 5, shrinkage: 1)
        }
    }

    /// Out-of-range agent counts answer "everyone waits" instead of trapping.
    @Test func agentCountsBelowOneMeanEveryoneWaits() throws {
        #expect(ErlangB.blockingProbability(servers: -3, traffic: 10) == 1)
        #expect(ErlangB.blockingProbability(servers: 5, traffic: -1).isNaN)
        let erlangC = try ErlangC(traffic: 10, handleTime: 180).measures(agents: 0, within: 20)
        #expect(erlangC.probabilityOfWaiting == 1 && erlangC.serviceLevel == 0)
        let erlangA = try ErlangA(traffic: 10, handleTime: 180, patience: 300).measures(agents: 0, within: 20)
        #expect(erlangA.probabilityOfAbandonment == 1 && erlangA.serviceLevel == 0)
    }
}

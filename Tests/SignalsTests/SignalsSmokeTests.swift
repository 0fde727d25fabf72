import Testing

@testable import Signals

@Suite struct SignalsSkeletonTests {
    @Test func moduleLinks() {
        #expect(Bool(true))
    }
}

import Testing

@testable import Plans

@Suite struct PlansSkeletonTests {
    @Test func moduleLinks() {
        #expect(Bool(true))
    }
}

import Testing

@testable import Plans

@Suite struct ForewarnSkeletonTests {
    @Test func moduleLinks() {
        #expect(Bool(true))
    }
}

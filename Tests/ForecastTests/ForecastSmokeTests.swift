import Testing

@testable import Forecast

@Suite struct ForecastSkeletonTests {
    @Test func moduleLinks() {
        #expect(Bool(true))
    }
}

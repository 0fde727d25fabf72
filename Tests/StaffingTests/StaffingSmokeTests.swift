import Testing

@testable import Staffing

@Suite struct StaffingSkeletonTests {
    @Test func moduleLinks() {
        #expect(Bool(true))
    }
}

import Testing

@testable import Calendars

@Suite struct CalendarsSkeletonTests {
    @Test func moduleLinks() {
        #expect(Bool(true))
    }
}

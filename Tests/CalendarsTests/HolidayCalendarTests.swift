import Foundation
import Testing

@testable import Calendars

/// A holiday the fixture must contain, with where the date is established.
struct KnownHoliday: Sendable, CustomTestStringConvertible {
    let file: String
    let zone: String
    let date: String
    let why: String

    var testDescription: String { "\(file) \(date) (\(why))" }
}

/// The fixtures in `Fixtures/holidays-*.ics` come from the PyPI package `holidays` (see the README);
/// the dates below are checked against each country's law or official calendar, not against the package.
@Suite struct HolidayCalendarTests {
    static let known: [KnownHoliday] = [
        KnownHoliday(
            file: "holidays-CL.ics", zone: "America/Santiago", date: "2026-09-18", why: "Fiestas Patrias, Ley 2.977"),
        KnownHoliday(
            file: "holidays-CL.ics", zone: "America/Santiago", date: "2026-09-19", why: "Glorias del Ejército"),
        KnownHoliday(file: "holidays-CL.ics", zone: "America/Santiago", date: "2027-09-18", why: "Fiestas Patrias"),
        KnownHoliday(file: "holidays-CL.ics", zone: "America/Santiago", date: "2026-05-21", why: "Glorias Navales"),
        KnownHoliday(
            file: "holidays-MX.ics", zone: "America/Mexico_City", date: "2026-09-16", why: "Independencia, LFT art. 74"),
        KnownHoliday(
            file: "holidays-MX.ics", zone: "America/Mexico_City", date: "2026-11-16", why: "third Monday of November"),
        KnownHoliday(
            file: "holidays-MX.ics", zone: "America/Mexico_City", date: "2027-02-01", why: "first Monday of February"),
        KnownHoliday(
            file: "holidays-ES.ics", zone: "Europe/Madrid", date: "2026-10-12", why: "Fiesta Nacional de España"),
        KnownHoliday(file: "holidays-ES.ics", zone: "Europe/Madrid", date: "2026-12-08", why: "Inmaculada Concepción"),
        KnownHoliday(file: "holidays-ES.ics", zone: "Europe/Madrid", date: "2027-12-06", why: "Día de la Constitución"),
        KnownHoliday(
            file: "holidays-US.ics", zone: "America/New_York", date: "2026-11-26", why: "Thanksgiving, 4th Thursday"),
        KnownHoliday(
            file: "holidays-US.ics", zone: "America/New_York", date: "2027-11-25", why: "Thanksgiving, 4th Thursday"),
        KnownHoliday(
            file: "holidays-US.ics", zone: "America/New_York", date: "2026-07-03",
            why: "4 July 2026 is a Saturday: observed Friday"),
        KnownHoliday(
            file: "holidays-US.ics", zone: "America/New_York", date: "2027-01-18", why: "MLK Day, 3rd Monday of January"
        ),
    ]

    @Test(arguments: known)
    func fixtureHasTheHolidayAsAnAllDayEvent(_ holiday: KnownHoliday) throws {
        let calendar = try ICSCalendar.load(path: Fixture.path(holiday.file))
        #expect(calendar.declaredTimeZone == holiday.zone)
        let rules = Fixture.zone(holiday.zone)
        let day = Fixture.date(holiday.date)
        let start = rules.date(of: LocalDateTime(date: day))
        let end = rules.date(of: LocalDateTime(date: day.adding(days: 1)))
        let found = try calendar.occurrences(from: start, to: end, floatingZone: rules)
        let match = try #require(found.first { $0.start == start }, "no holiday on \(holiday.date)")
        #expect(match.allDay)
        #expect(match.end == end)
    }

    @Test(arguments: ["holidays-CL.ics", "holidays-MX.ics", "holidays-ES.ics", "holidays-US.ics"])
    func everyEventIsOneWholeDayInBothYears(file: String) throws {
        let calendar = try ICSCalendar.load(path: Fixture.path(file))
        #expect(calendar.problems(floatingZone: Fixture.zone("UTC")).isEmpty)
        let rules = try ZoneRules(identifier: try #require(calendar.declaredTimeZone))
        let all = try calendar.occurrences(
            from: rules.date(of: Fixture.local("2026-01-01T00:00")),
            to: rules.date(of: Fixture.local("2028-01-01T00:00")),
            floatingZone: rules)
        #expect(all.count >= 14)
        for year in [2026, 2027] {
            #expect(all.contains { rules.local(at: $0.start).date == LocalDate(year: year, month: 1, day: 1) })
        }
        for occurrence in all {
            #expect(occurrence.allDay)
            let first = rules.local(at: occurrence.start)
            #expect(first.hour == 0 && first.minute == 0)
            #expect(rules.local(at: occurrence.end) == LocalDateTime(date: first.date.adding(days: 1)))
        }
    }

    @Test func spanishSundayHolidaysAreMissingAsTheReadmeSays() throws {
        // 1 November 2026 (Todos los Santos) falls on a Sunday; `holidays` leaves it out (see README).
        let rules = Fixture.zone("Europe/Madrid")
        let calendar = try ICSCalendar.load(path: Fixture.path("holidays-ES.ics"))
        let day = Fixture.date("2026-11-01")
        #expect(day.isoWeekday == 7)
        let found = try calendar.occurrences(
            from: rules.date(of: LocalDateTime(date: day)),
            to: rules.date(of: LocalDateTime(date: day.adding(days: 1))),
            floatingZone: rules)
        #expect(found.isEmpty)
    }
}

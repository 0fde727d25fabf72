import ArgumentParser
import Calendars
import Foundation
import Plans
import Zones

/// `forewarn calendar`: work with calendars of known events.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Work with calendars of known events.",
        subcommands: [CalendarExpandCommand.self])
}

/// `forewarn calendar expand (--ics FILE | --plans DIR --calendar NAME) --from DATE --to DATE [--timezone ZONE]`.
struct CalendarExpandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expand",
        abstract: "Print the occurrences of a calendar in a window, one 'start,end,summary' line each.",
        discussion: """
            Times are ISO 8601 with the offset of the calendar's zone: --timezone, else the file's \
            X-WR-TIMEZONE, else UTC. DATE is YYYY-MM-DD (midnight in that zone), YYYY-MM-DDTHH:MM, or an \
            ISO 8601 instant. The window is [from, to): occurrences that touch it are printed. \
            Exit status: 0 done, 1 the calendar could not be read or expanded, 2 bad usage.
            """)

    /// The iCalendar file to expand.
    @Option(name: .long, help: "The iCalendar (.ics) file.")
    var ics: String?

    /// A plan directory whose calendar to expand (with --calendar).
    @Option(name: .customLong("plans"), help: "A plan directory (with --calendar NAME).")
    var plans: String?

    /// The calendar's name in the plan directory.
    @Option(name: .long, help: "The name of a calendar defined in --plans.")
    var calendar: String?

    /// The first instant of the window.
    @Option(name: .long, help: "Start of the window (inclusive).")
    var from: String

    /// The end of the window (exclusive).
    @Option(name: .long, help: "End of the window (exclusive).")
    var to: String

    /// The zone to read floating times and dates in, and to print in.
    @Option(name: .long, help: "IANA time zone, e.g. America/Santiago.")
    var timezone: String?

    func validate() throws {
        switch (ics, plans, calendar) {
        case (.some, nil, nil), (nil, .some, .some): break
        default: throw ValidationError("give either --ics FILE, or --plans DIR with --calendar NAME")
        }
    }

    func run() throws {
        guard let ics else { return try expandFromPlans() }
        let calendar: ICSCalendar
        do {
            calendar = try ICSCalendar.load(path: ics)
        } catch {
            throw failure(error, status: 1)
        }
        let zoneName = timezone ?? calendar.declaredTimeZone ?? "UTC"
        guard let zone = Zone(identifier: zoneName) else {
            throw failure(
                "unknown time zone '\(zoneName)'; use an IANA name such as America/Santiago",
                status: timezone == nil ? 1 : 2)
        }
        let rules = ZoneRules(zone: zone)
        let window: (from: Date, to: Date)
        do {
            window = (try rules.instant(parsing: from), try rules.instant(parsing: to))
        } catch {
            throw failure(error, status: 2)
        }
        let source = EventCalendar(name: ics, timeZone: zone, sources: [.ics(calendar)])
        try print(source, from: window.from, to: window.to, rules: rules)
    }

    /// Expands a calendar of a plan directory, loaded and validated as the daemon does.
    private func expandFromPlans() throws {
        guard let plans, let name = calendar else { return }
        let result = PlanLoading.makeLoader().load(directory: plans)
        guard let set = result.planSet else {
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
            }
            throw failure("the plans in '\(plans)' have errors (see above; forewarn check --plans \(plans))", status: 1)
        }
        guard let definition = set.calendars[name] else {
            let known = set.calendars.keys.sorted().joined(separator: ", ")
            throw failure("no calendar '\(name)' in '\(plans)' (known: \(known))", status: 1)
        }
        let zoneName = timezone ?? definition.timeZone?.identifier ?? "UTC"
        guard let zone = Zone(identifier: zoneName) else {
            throw failure("unknown time zone '\(zoneName)'; use an IANA name such as America/Santiago", status: 2)
        }
        let rules = ZoneRules(zone: zone)
        let window: (from: Date, to: Date)
        do {
            window = (try rules.instant(parsing: from), try rules.instant(parsing: to))
        } catch {
            throw failure(error, status: 2)
        }
        let source: EventCalendar
        do {
            source = try EventCalendar(definition: definition, defaultTimeZone: zone)
        } catch {
            throw failure(error, status: 1)
        }
        try print(source, from: window.from, to: window.to, rules: rules)
    }

    private func print(_ source: EventCalendar, from: Date, to: Date, rules: ZoneRules) throws {
        guard from < to else { throw failure("--to must be after --from", status: 2) }
        let window = (from: from, to: to)
        do {
            let lines = try source.occurrences(from: window.from, to: window.to).map(rules.csvLine)
            Swift.print(lines.joined(separator: "\n"), terminator: lines.isEmpty ? "" : "\n")
        } catch {
            throw failure(error, status: 1)
        }
    }

    private func failure(_ error: Any, status: Int32) -> ExitCode {
        FileHandle.standardError.write(Data("forewarn calendar expand: \(error)\n".utf8))
        return ExitCode(status)
    }
}

import ArgumentParser

/// The `forewarn` command line: a thin shell over the library targets.
@main
struct Forewarn: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forewarn",
        abstract: "A proactive contingency planner: foresee known contingencies and tell people before they hit.",
        subcommands: [DeliverySoakCommand.self])
}

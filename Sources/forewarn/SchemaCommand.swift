import ArgumentParser
import Plans

/// `forewarn schema`: print the JSON Schema of plan files for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of plan and definitions files.",
        discussion: """
            Save it and point your editor at it, e.g. with the YAML language server put this first line in a plan:
              # yaml-language-server: $schema=../forewarn-plan.schema.json
            """)

    func run() throws {
        print(PlanSchema.json())
    }
}
